/**
 * The readable report in a subject access export: the same records as the JSON beside it, in
 * words, with people by name, questions by their wording and grades in the authority's own names.
 */
import { ACTION_STATE_LABELS, type Action } from '@waypoint/shared/actions/action-schemas';
import { AUDIT_STATE_LABELS, AUDIT_TYPE_LABELS } from '@waypoint/shared/audits/audit-schemas';
import { CASE_TYPE_LABELS } from '@waypoint/shared/cases/case-schemas';
import { formatDate, formatDateTime, formatMonth } from '@waypoint/shared/formatting/dates';
import { JOURNEY_EVENT_LABELS } from '@waypoint/shared/journey/journey-events';
import { SHADOWING_STATE_LABELS } from '@waypoint/shared/shadowing/shadowing-schemas';
import { gradeLabel, GRADES, type Grade } from '@waypoint/shared/templates/grade-scale';
import { EVIDENCED_LABELS, type Question, type TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import { ROLE_LABELS } from '@waypoint/shared/tenancy/roles';
import type { AuditPartition } from '../audits/audit-store.ts';
import type { CaseSubjectRecords } from './case-subject-records.ts';
import { escapeHtml, paragraphs, reportPage, summaryList, table } from './report-html.ts';
import type { StaffSubjectRecords } from './staff-subject-records.ts';

export interface ReportContext {
  authorityName: string;
  madeBy: string;
  reason: string;
  madeAt: string;
  names: ReadonlyMap<string, string>;
  /** Template versions by `<id>#<version>`, for question wording. */
  templates: ReadonlyMap<string, TemplateVersion>;
  gradeLabels: readonly string[];
}

const e = escapeHtml;

function nameOf(ctx: ReportContext, id: string | undefined): string {
  if (!id) return 'No one';
  return e(ctx.names.get(id) ?? 'Someone no longer on Waypoint');
}

function grade(ctx: ReportContext, value: unknown): string {
  return GRADES.includes(value as Grade) ? e(gradeLabel(value as Grade, ctx.gradeLabels)) : 'Not graded';
}

function answerText(ctx: ReportContext, question: Question | undefined, value: unknown): string {
  if (value === undefined || value === null || value === '') return 'Not answered';
  if (question?.type === 'grade') return grade(ctx, value);
  if (question?.type === 'evidenced') return e(EVIDENCED_LABELS[value as keyof typeof EVIDENCED_LABELS] ?? value);
  if (question?.type === 'flag') return value === true ? 'Yes' : 'No';
  if (question?.type === 'choice') return e(question.options?.find((o) => o.value === value)?.label ?? value);
  if (question?.type === 'date') return e(formatDate(String(value)));
  return paragraphs(String(value));
}

/** One audit: its facts, every answer by the question's wording, reflections and moderation. */
function auditSection(ctx: ReportContext, p: AuditPartition, actions: readonly Action[]): string {
  const a = p.audit;
  const template = ctx.templates.get(`${a.templateId}#${a.templateVersion}`);
  const facts = summaryList([
    ['Case', e(a.caseRef)],
    ['Month', e(formatMonth(a.month))],
    ['Kind of audit', e(AUDIT_TYPE_LABELS[a.auditType] ?? a.auditType)],
    ['Tool', e(`${a.templateName} (version ${a.templateVersion})`)],
    ['State', e(AUDIT_STATE_LABELS[a.state] ?? a.state)],
    ['Auditor', nameOf(ctx, a.auditorId)],
    ['Case holder', nameOf(ctx, a.caseHolderId)],
    ...(a.studentId ? ([['Student social worker', nameOf(ctx, a.studentId)]] as const) : []),
    ['Conversation with the practitioner', a.conversationDate ? e(formatDate(a.conversationDate)) : 'Not held'],
    ['Overall grade', grade(ctx, a.overallGrade)],
    ['Safeguarding concern', a.safeguardingConcern ? 'Yes' : 'No'],
    ...(a.completedAt ? ([['Completed', e(formatDateTime(a.completedAt))]] as const) : []),
    ...(a.cancelReason ? ([['Why it was cancelled', e(a.cancelReason)]] as const) : []),
    ...a.partners.map((partner) => [`Partner: ${partner.agency}`, e(`${partner.name}${partner.role ? `, ${partner.role}` : ''}`)] as const),
  ]);
  const sectionIds = template ? template.sections.map((s) => s.id) : Object.keys(a.answers ?? {});
  const answers = sectionIds
    .map((sectionId) => {
      const section = template?.sections.find((s) => s.id === sectionId);
      const given = a.answers?.[sectionId] ?? {};
      const questionIds = section ? section.questions.map((q) => q.id) : Object.keys(given);
      const rows = questionIds
        .filter((id) => given[id] !== undefined)
        .map((id) => {
          const question = section?.questions.find((q) => q.id === id);
          return [e(question?.label ?? id), answerText(ctx, question, given[id])];
        });
      return rows.length ? table(`Answers: ${section?.title ?? sectionId}`, ['Question', 'Answer'], rows) : '';
    })
    .join('');
  const reflections = table(
    'Reflections on this audit',
    ['Written', 'By', 'Reflection'],
    p.reflections.map((r) => [e(formatDateTime(r.createdAt)), nameOf(ctx, r.authorId), paragraphs(r.text)]),
  );
  const moderation = p.moderation
    ? `<h4>Moderation</h4>${summaryList([
        ['Moderated by', nameOf(ctx, p.moderation.moderatorId)],
        ['Overall grade on moderation', grade(ctx, p.moderation.overallGrade)],
        ['Comment', paragraphs(p.moderation.comment)],
      ])}`
    : '';
  const raised = actions.filter((action) => action.source.type === 'audit' && action.source.auditId === a.id);
  return `<h3>Audit of ${e(formatMonth(a.month))} (${e(a.id)})</h3>${facts}${answers || '<p>No answers were recorded.</p>'}${reflections}${moderation}${raised.length ? actionsTable(ctx, raised, 'Actions raised from this audit') : ''}`;
}

function actionsTable(ctx: ReportContext, actions: readonly Action[], caption: string): string {
  return table(
    caption,
    ['Action', 'Owner', 'Due', 'State', 'Evidence of what was done'],
    actions.map((a) => [paragraphs(a.description), nameOf(ctx, a.ownerId), e(formatDate(a.dueDate)), e(ACTION_STATE_LABELS[a.state] ?? a.state), a.evidence ? paragraphs(a.evidence) : 'None yet']),
  );
}

function madeSection(ctx: ReportContext, subject: string): string {
  return `<p class="notice">This report holds everything ${e(ctx.authorityName)} keeps in Waypoint about ${subject}, as it stood on ${e(formatDateTime(ctx.madeAt))}. The file <code>records.json</code> beside it holds the same records in full, for a computer to read.</p>
${summaryList([
  ['Made by', e(ctx.madeBy)],
  ['Made on', e(formatDateTime(ctx.madeAt))],
  ['Why it was made', e(ctx.reason)],
])}`;
}

export function caseReport(ctx: ReportContext, records: CaseSubjectRecords): string {
  const c = records.case;
  const body = `<h1>Records about case ${e(c.ref)}</h1>
${madeSection(ctx, `case ${e(c.ref)}`)}
<p>Feedback that children and families give through “Have your say” is anonymous, so it is not part of any case’s records and is not in this report.</p>
<h2>The case</h2>
${summaryList([
  ['Case reference', e(c.ref)],
  ['Case type', e(CASE_TYPE_LABELS[c.caseType] ?? c.caseType)],
  ['Status', c.status === 'closed' ? `Closed${c.closedOn ? ` on ${e(formatDate(c.closedOn))}` : ''}` : 'Open'],
  ['Case holder', nameOf(ctx, c.holderId)],
  ['Age band', e(c.ageBand ?? 'Not recorded')],
  ['Gender', e(c.gender ?? 'Not recorded')],
  ['Ethnicity', e(c.ethnicity ?? 'Not recorded')],
  ['Disability', e(c.disability ?? 'Not recorded')],
  ['Label', e(c.label ?? 'None')],
  ['Recorded in Waypoint', e(formatDateTime(c.createdAt))],
])}
<h2>The child’s journey</h2>
${table(
  'Events in the child’s journey, in order',
  ['Date', 'Event', 'Note', 'Recorded by'],
  records.journey.map((ev) => [e(formatDate(ev.date)), e(JOURNEY_EVENT_LABELS[ev.type] ?? ev.type), ev.note ? paragraphs(ev.note) : 'None', nameOf(ctx, ev.recordedById)]),
)}
<h2>Audits (${records.audits.length})</h2>
${records.audits.length ? records.audits.map((p) => auditSection(ctx, p, records.actions)).join('') : '<p>This case has not been audited.</p>'}
<h2>Actions (${records.actions.length})</h2>
${actionsTable(ctx, records.actions, 'Every action raised on this case')}
<h2>Records compliance checks (${records.complianceChecks.length})</h2>
${table(
  'Checks of this case’s records',
  ['Month', 'Checked by', 'Answers'],
  records.complianceChecks.map((check) => [
    e(formatMonth(check.month)),
    nameOf(ctx, check.checkedById),
    e(
      Object.entries(check.answers)
        .map(([item, answer]) => `${item}: ${answer}`)
        .join('; '),
    ),
  ]),
)}`;
  return reportPage({ title: `Records about case ${c.ref} – ${ctx.authorityName}`, body });
}

export function staffReport(ctx: ReportContext, records: StaffSubjectRecords): string {
  const p = records.person;
  const body = `<h1>Records about ${e(p.name)}</h1>
${madeSection(ctx, e(p.name))}
<h2>Their record</h2>
${summaryList([
  ['Name', e(p.name)],
  ['Email', e(p.email)],
  ['Role', e(ROLE_LABELS[p.role] ?? p.role)],
  ['Teams', e(p.teamIds.join(', ') || 'None')],
  ['Status', e(p.status)],
  ['First signed in', p.signedInAt ? e(formatDateTime(p.signedInAt)) : 'Not yet'],
])}
<h2>Audits they took part in (${records.audits.length})</h2>
${records.audits.length ? records.audits.map((a) => auditSection(ctx, a, records.actions)).join('') : '<p>None.</p>'}
<h2>Their reflections (${records.reflections.length})</h2>
${table(
  'Reflections they wrote',
  ['Written', 'On the audit', 'Reflection'],
  records.reflections.map((r) => [e(formatDateTime(r.createdAt)), e(r.auditId), paragraphs(r.text)]),
)}
<h2>Their learning record</h2>
${table(
  'Grades of the audits of their practice',
  ['Grade', 'Audits'],
  GRADES.map((g) => [grade(ctx, g), e(records.learning.grades.overall[g] ?? 0)]),
)}
${table(
  'Where their audits and actions point most often',
  ['Section', 'Audits below good', 'Actions'],
  records.learning.learningThemes.map((t) => [e(t.title), e(t.belowGood), e(t.actions)]),
)}
<h2>Actions they own (${records.actions.length})</h2>
${actionsTable(ctx, records.actions, 'Actions they own')}
<h2>Work shadowing (${records.shadowing.length})</h2>
${table(
  'Work shadowing they were part of',
  ['Date', 'Shadowing', 'Shadowed', 'State'],
  records.shadowing.map((s) => [e(formatDate(s.date)), nameOf(ctx, s.shadowerId), nameOf(ctx, s.practitionerId), e(SHADOWING_STATE_LABELS[s.state] ?? s.state)]),
)}
<h2>What they did in Waypoint (${records.activity.length})</h2>
${table(
  'Their entries in the activity log, oldest first',
  ['When', 'What', 'Which record'],
  records.activity.map((a) => [e(formatDateTime(a.at)), e(`${a.action} ${a.entity}`), e(a.entityId)]),
)}`;
  return reportPage({ title: `Records about ${p.name} – ${ctx.authorityName}`, body });
}
