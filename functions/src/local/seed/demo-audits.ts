/**
 * Demo audits for one authority: six months up to the current one, in every state, with
 * TAC summaries, reflections and actions in every state. Ids are fixed by month and case, so
 * seeding again the same month writes nothing new, and a later month adds only its own audits.
 */
import type { Action } from '@waypoint/shared/actions/action-schemas';
import { auditFindings } from '@waypoint/shared/audits/audit-findings';
import { londonDate, monthsBefore } from '@waypoint/shared/audits/audit-dates';
import type { Audit, AuditState } from '@waypoint/shared/audits/audit-schemas';
import type { Reflection } from '@waypoint/shared/audits/reflection-schemas';
import { BUILT_IN_TEMPLATES, JOURNEY_OF_THE_CHILD_ID, TAC_REFLECTIVE_SUMMARY_ID } from '@waypoint/shared/templates/built-in/built-in-templates';
import type { Grade } from '@waypoint/shared/templates/grade-scale';
import { londonMonth } from '@waypoint/shared/time/clock';
import { progressDemoActions } from './demo-actions.ts';
import { demoAnswers } from './demo-answers.ts';
import { demoCases, type DemoTenant } from './demo-data.ts';

export const DEMO_AUDIT_MONTHS = 6;

interface PlannedDemoAudit {
  caseNumber: number;
  auditor: 'manager' | 'qa' | 'senior';
  state: AuditState;
  overall: Grade;
  concernIn?: string[];
  cancelReason?: string;
}

const GRADE_CYCLE: Grade[] = ['good', 'requires-improvement', 'good', 'outstanding', 'requires-improvement', 'good'];
/** Cases of the other teams audited by the senior manager, one a month. */
const OTHER_TEAM_CASES = [14, 15, 17, 18, 19, 21];

/** What month `i` (0 = oldest, 5 = this month) holds: the home team's two, a TAC summary, another team's. */
function plannedFor(i: number): PlannedDemoAudit[] {
  const last = DEMO_AUDIT_MONTHS - 1;
  const homeStates: [AuditState, AuditState] = i < last - 1 ? ['completed', 'completed'] : i === last - 1 ? ['completed', 'in-progress'] : ['in-progress', 'planned'];
  const plans: PlannedDemoAudit[] = [
    { caseNumber: 2 * i + 1, auditor: 'manager', state: homeStates[0], overall: GRADE_CYCLE[i]! },
    // Case 4 (month 1) is the Inadequate audit with a safeguarding concern escalated.
    { caseNumber: 2 * i + 2, auditor: 'manager', state: homeStates[1], overall: i === 1 ? 'inadequate' : GRADE_CYCLE[(i + 3) % 6]!, concernIn: i === 1 ? ['help-and-protection', 'overall-judgement'] : undefined },
    { caseNumber: 16 + 4 * i, auditor: 'qa', state: i < last - 1 ? 'completed' : i === last - 1 ? 'in-progress' : 'planned', overall: GRADE_CYCLE[(i + 1) % 6]! },
    { caseNumber: OTHER_TEAM_CASES[i]!, auditor: 'senior', state: i < last ? 'completed' : 'in-progress', overall: GRADE_CYCLE[(i + 2) % 6]! },
  ];
  if (i === 1) plans.push({ caseNumber: 12, auditor: 'manager', state: 'cancelled', overall: 'good', cancelReason: 'Case holder on long-term leave; rescheduled with the new case holder.' });
  return plans;
}

const monthOffset = (month: string, back: number) => monthsBefore(`${month}-15`, back).slice(0, 7);
const atNoon = (date: string) => `${date}T12:00:00.000Z`;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The earlier of two dates or instants written the same way. */
const earlier = (a: string, b: string) => (a < b ? a : b);

export interface DemoAuditData {
  audits: Audit[];
  reflections: Reflection[];
  actions: Action[];
}

export function demoAudits(tenant: DemoTenant, now: Date): DemoAuditData {
  const p = tenant.prefix.toLowerCase();
  const cases = new Map(demoCases(tenant, '2026-01-05T09:00:00.000Z').map((c, index) => [index + 1, c]));
  const today = londonDate(now);
  const thisMonth = londonMonth(now);
  // Noon on the day, but never later than now: nothing in the demo happens in the future.
  const at = (date: string) => (atNoon(date) < now.toISOString() ? atNoon(date) : now.toISOString());
  const data: DemoAuditData = { audits: [], reflections: [], actions: [] };
  for (let i = 0; i < DEMO_AUDIT_MONTHS; i++) {
    const month = monthOffset(thisMonth, DEMO_AUDIT_MONTHS - 1 - i);
    plannedFor(i).forEach((plan, n) => {
      const c = cases.get(plan.caseNumber)!;
      const template = BUILT_IN_TEMPLATES.find((t) => t.templateId === (c.caseType === 'early-help' ? TAC_REFLECTIVE_SUMMARY_ID : JOURNEY_OF_THE_CHILD_ID))!;
      const id = `${p}-audit-${month.replace('-', '')}-${String(n + 1).padStart(2, '0')}`;
      const conversationDate = earlier(`${month}-${String(8 + 3 * n).padStart(2, '0')}`, today);
      const createdAt = at(`${month}-01`);
      const answers =
        plan.state === 'completed' ? demoAnswers(template, { overall: plan.overall, seed: plan.caseNumber, concernIn: plan.concernIn }) : plan.state === 'in-progress' ? demoAnswers(template, { overall: plan.overall, seed: plan.caseNumber, sections: 3 }) : {};
      const completedAt = plan.state === 'completed' ? at(earlier(addDays(conversationDate, 2), today)) : undefined;
      const audit: Audit = {
        id,
        caseRef: c.ref,
        teamId: c.teamId,
        caseType: c.caseType,
        templateId: template.templateId,
        templateVersion: 1,
        templateName: template.name,
        auditType: 'monthly',
        month,
        state: plan.state,
        auditorId: `${p}-${plan.auditor}`,
        caseHolderId: c.holderId,
        studentId: c.studentId ?? undefined,
        partners:
          c.caseType === 'early-help'
            ? [
                { name: 'Dana Whitfield', agency: 'Northgate Primary School', role: 'Designated safeguarding lead' },
                { name: 'Omar Haddad', agency: 'Health visiting' },
              ]
            : [],
        conversationDate: plan.state === 'planned' ? undefined : conversationDate,
        periodReviewed: { from: monthsBefore(`${month}-01`, 12), to: `${month}-01` },
        answers,
        ...auditFindings(template, answers),
        completedAt,
        completedById: completedAt ? `${p}-${plan.auditor}` : undefined,
        cancelledAt: plan.cancelReason ? at(`${month}-05`) : undefined,
        cancelledById: plan.cancelReason ? `${p}-${plan.auditor}` : undefined,
        cancelReason: plan.cancelReason,
        reopenings: [],
        createdById: `${p}-${plan.auditor}`,
        version: plan.state === 'planned' ? 1 : plan.state === 'in-progress' ? 2 : 3,
        createdAt,
        updatedAt: completedAt ?? createdAt,
      };
      data.audits.push(audit);
      if (audit.state === 'completed') addFollowUp(data, audit, { sectionForAction: template.sections.at(-1)!.id, weakest: weakestSection(audit), now: now.toISOString() });
    });
  }
  data.actions = progressDemoActions(data.actions, data.audits, now);
  return data;
}

function weakestSection(audit: Audit): string | undefined {
  const order = ['inadequate', 'requires-improvement'];
  return Object.entries(audit.sectionGrades).find(([, grade]) => order.includes(grade))?.[0];
}

/** Reflections from the people who took part, and the actions agreed, for a completed audit. */
function addFollowUp(data: DemoAuditData, audit: Audit, options: { sectionForAction: string; weakest?: string; now: string }) {
  const done = audit.completedAt!;
  const laterThatDay = (time: string) => earlier(done.replace('12:00', time), options.now);
  const p = audit.id.split('-')[0];
  if (audit.caseHolderId === `${p}-practitioner`) {
    data.reflections.push({
      id: `${audit.id}-r1`,
      auditId: audit.id,
      authorId: audit.caseHolderId,
      authorRole: 'case-holder',
      text: 'Talking it through helped me see that my visits record what I did more than what the child showed me. I will use the three houses tool again before the review, and I feel more confident about the analysis.',
      afterCompletion: true,
      createdAt: laterThatDay('15:30'),
    });
  }
  if (audit.studentId) {
    data.reflections.push({
      id: `${audit.id}-r2`,
      auditId: audit.id,
      authorId: audit.studentId,
      authorRole: 'student',
      text: 'Seeing how the chronology was used to spot a pattern of missed appointments was new to me. I want to practise writing analysis rather than description.',
      afterCompletion: true,
      createdAt: laterThatDay('16:45'),
    });
  }
  const dueFrom = (days: number) => addDays(done.slice(0, 10), days);
  const manager = audit.auditorId;
  const owner = audit.caseHolderId ?? manager;
  const base = { state: 'open' as const, caseRef: audit.caseRef, teamId: audit.teamId, caseType: audit.caseType, raisedById: audit.auditorId, reopenings: [], version: 1, createdAt: done, updatedAt: done };
  data.actions.push({
    ...base,
    id: `${audit.id}-a1`,
    source: { type: 'audit', auditId: audit.id, sectionId: options.sectionForAction },
    description: 'Update the plan so every action has an owner and a date, and share it with the family.',
    finding: 'Two plan actions drifted past their dates without a recorded reason.',
    ownerId: owner,
    dueDate: dueFrom(28),
    priority: 'medium',
  });
  if (options.weakest && options.weakest !== options.sectionForAction) {
    // The team manager owns supervision actions; QA and senior managers are not in the team, so the case holder does.
    const ownerForWeakest = audit.auditorId.endsWith('-manager') ? manager : owner;
    data.actions.push({
      ...base,
      id: `${audit.id}-a2`,
      source: { type: 'audit', auditId: audit.id, sectionId: options.weakest },
      description: 'Discuss this section in supervision and agree what will change for the child, with dates.',
      finding: 'The section was graded below good.',
      ownerId: ownerForWeakest,
      dueDate: dueFrom(14),
      priority: audit.overallGrade === 'inadequate' ? 'high' : 'medium',
    });
  }
}
