/**
 * `/v1/audits`: create an audit of a case on the newest version of a template, list audits
 * in scope, read one with its reflections and actions, and save answers as drafts.
 */
import { Hono } from 'hono';
import { ulid } from 'ulid';
import { auditFindings } from '@waypoint/shared/audits/audit-findings';
import { monthsBefore } from '@waypoint/shared/audits/audit-dates';
import { stateAfterSave } from '@waypoint/shared/audits/audit-lifecycle';
import { AuditId, CreateAuditBody, ListAuditsQuery, updateAuditBodyFor, type Audit, type AuditDetail } from '@waypoint/shared/audits/audit-schemas';
import { mergeAnswers } from '@waypoint/shared/templates/answer-schemas';
import { londonMonth, clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { listActionsForAudit } from '../actions/action-store.ts';
import { canSeeCase, caseViewer, type CaseViewer } from '../cases/case-scope.ts';
import { findCase, getCase, refuseWhileMoving } from '../cases/case-store.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { changedFields } from '../platform/database/versioned-items.ts';
import { ApiError, forbidden, type FieldError } from '../platform/http/api-error.ts';
import { DEFAULT_PAGE_SIZE } from '../platform/http/pagination.ts';
import { readJsonBody, readParam, readQuery } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { getLatestTemplateVersion } from '../templates/template-store.ts';
import { checkAuditDetails, today } from './audit-checks.ts';
import { auditReadExtras } from './audit-read-extras.ts';
import { listAudits, peopleNamedBy } from './audit-list.ts';
import { alertSafeguarding, notifyAuditPlanned, notifyMeetingBooked } from './audit-notifications.ts';
import { auditMeetingRoutes } from './audit-meeting-routes.ts';
import { findVisibleAudit, findVisibleAuditPartition, requireAuditRunner } from './audit-scope.ts';
import { putNewAudit, updateAudit, type AuditPartition } from './audit-store.ts';
import { pinnedTemplate, requireCurrentVersion, requireMove } from './audit-guards.ts';
import { formatDate } from '@waypoint/shared/formatting/dates';

/** Merged answers are stored in one item; DynamoDB items stop at 400 KB. */
const MAX_ANSWERS_BYTES = 300 * 1024;

export const auditRoutes = new Hono<AppEnv>();

auditRoutes.route('/', auditMeetingRoutes);

auditRoutes.post('/', async (c) => {
  const { tenant, staff } = c.var;
  const viewer = await caseViewer(tenant, staff);
  requireAuditRunner(viewer);
  const body = await readJsonBody(c, CreateAuditBody);
  const errors: FieldError[] = [];
  const auditedCase = await findCase(tenant, body.caseRef);
  // A case outside the caller's scope is "no such case", exactly as one that does not exist.
  if (!auditedCase || !canSeeCase(viewer, auditedCase)) errors.push({ path: 'caseRef', message: 'No such case' });
  const template = await getLatestTemplateVersion(tenant, body.templateId);
  if (!template || template.kind !== 'audit') errors.push({ path: 'templateId', message: 'No such audit template' });
  if (errors.length || !auditedCase || !template) throw new ApiError('validation', 'The audit refers to something that does not exist', { errors });
  refuseWhileMoving(auditedCase);
  const month = body.month ?? londonMonth(clock.now());
  await checkAuditDetails(tenant, { ...body, month }, auditedCase);

  const at = clock.nowIso();
  const now = today();
  const audit: Audit = {
    id: ulid(clock.now().getTime()),
    caseRef: auditedCase.ref,
    teamId: auditedCase.teamId,
    caseType: auditedCase.caseType,
    templateId: template.templateId,
    templateVersion: template.version,
    templateName: template.name,
    auditType: body.auditType,
    month,
    state: 'planned',
    auditorId: staff.userId,
    caseHolderId: auditedCase.holderId,
    studentId: body.studentId,
    partners: body.partners,
    conversationDate: body.conversationDate,
    ...(body.meetingDate ? { meetingDate: body.meetingDate, ...(body.meetingTime ? { meetingTime: body.meetingTime } : {}) } : {}),
    periodReviewed: body.periodReviewed ?? { from: monthsBefore(now, 12), to: now },
    answers: {},
    ...auditFindings(template, {}),
    reopenings: [],
    createdById: staff.userId,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await putNewAudit(tenant, audit);
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'audit', entityId: audit.id, versionBefore: null, versionAfter: 1, at, changes: Object.keys(body).sort() });
  await notifyAuditPlanned(tenant, audit, at);
  // The planned email to the case holder names the meeting; a student hears of it here.
  if (audit.meetingDate) await notifyMeetingBooked(tenant, audit, at, [audit.studentId]);
  setEtag(c, 1);
  c.header('Location', `/v1/audits/${audit.id}`);
  return c.json(audit, 201);
});

auditRoutes.get('/', async (c) => {
  const viewer = await caseViewer(c.var.tenant, c.var.staff);
  if (viewer.scope === 'none') throw forbidden('Tenant admins manage the authority’s set-up and see no audits');
  const { limit, cursor, ...filters } = readQuery(c, ListAuditsQuery);
  return c.json(await listAudits({ tenant: c.var.tenant, viewer, filters, limit: limit ?? DEFAULT_PAGE_SIZE, cursor }));
});

auditRoutes.get('/:id', async (c) => {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', AuditId);
  const viewer = await caseViewer(tenant, staff);
  const found = await findVisibleAuditPartition(tenant, viewer, id);
  const detail = await auditDetail(tenant, found, viewer);
  setEtag(c, detail.version);
  return c.json(detail);
});

auditRoutes.patch('/:id', async (c) => {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', AuditId);
  const viewer = await caseViewer(tenant, staff);
  const current = await findVisibleAudit(tenant, viewer, id);
  requireAuditRunner(viewer, current);
  const expectedVersion = requireIfMatch(c);
  const template = await pinnedTemplate(tenant, current);
  const body = await readJsonBody(c, updateAuditBodyFor(template));
  requireCurrentVersion(current, expectedVersion);
  const { answers: answerChanges, ...details } = body;
  const changesAnswers = answerChanges !== undefined && Object.values(answerChanges).some((section) => section && Object.keys(section).length > 0);
  const state = requireMove(stateAfterSave(current.state, changesAnswers), current.state, 'save');
  const auditedCase = await getCase(tenant, current.caseRef);
  if (auditedCase) await checkAuditDetails(tenant, body, auditedCase);
  // Moving the audit to a later month must not leave its booked meeting before that month.
  if (body.month && current.meetingDate && current.meetingDate < `${body.month}-01`) {
    throw new ApiError('validation', 'The meeting is booked before that month', { errors: [{ path: 'month', message: `The meeting is booked for ${formatDate(current.meetingDate)}, before that month; move the meeting first` }] });
  }

  const answers = answerChanges ? mergeAnswers(current.answers, answerChanges) : current.answers;
  if (Buffer.byteLength(JSON.stringify(answers)) > MAX_ANSWERS_BYTES) {
    throw new ApiError('validation', 'The answers are too long', { errors: [{ path: 'answers', message: 'Together the answers are too long; shorten some' }] });
  }
  const findings = auditFindings(template, answers);
  const given = Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
  const at = clock.nowIso();
  const { before, after } = await updateAudit({
    tenant,
    current,
    expectedVersion,
    changes: { ...given, answers, ...findings, overallGrade: findings.overallGrade ?? null, state },
    at,
  });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'audit', entityId: id, versionBefore: before.version, versionAfter: after.version, at, changes: changedFields({ ...before }, { ...after }) });
  await alertSafeguarding(tenant, staff, after, template, at);
  setEtag(c, after.version);
  return c.json(after);
});

/**
 * The read view: the audit, its reflections and actions, the journey, moderation and
 * re-audit links (for a `viewer`), and the names of everyone they name. The partition holds
 * the actions' copies; an older audit whose copies are not yet complete asks the actions'
 * index instead. Everything after the partition is read side by side: the programme's extras,
 * and the names of the people the partition already names (people this process has met in
 * the last minute cost no read at all); only names first met in the actions or extras (rare:
 * actions are usually the case holder's, raised by the auditor) cost another.
 */
export async function auditDetail(tenant: TenantContext, found: AuditPartition, viewer?: CaseViewer): Promise<AuditDetail> {
  const inPartition = [
    ...found.reflections.map((r) => r.authorId),
    ...(found.moderation ? [found.moderation.moderatorId] : []),
    ...(found.journeySnapshot?.events.map((e) => e.recordedById) ?? []),
    ...(found.gradeViews?.views.flatMap((g) => [g.personId, ...(g.reply ? [g.reply.byId] : [])]) ?? []),
  ];
  const [actions, extras, early] = await Promise.all([found.actions ?? listActionsForAudit(tenant, found.audit.caseRef, found.audit.id), viewer ? auditReadExtras(tenant, viewer, found) : undefined, peopleNamedBy(tenant, [found.audit], inPartition)]);
  const previous = extras?.previousAudit;
  const later = [
    ...actions.flatMap((a) => [a.ownerId, a.raisedById]),
    ...(extras?.moderation ? [extras.moderation.moderatorId] : []),
    ...(extras?.journey.events.map((e) => e.recordedById) ?? []),
    ...(previous ? [previous.audit.auditorId, ...previous.actions.map((a) => a.ownerId)] : []),
  ].filter((id) => id && !(id in early));
  const people = later.length > 0 ? { ...early, ...(await peopleNamedBy(tenant, [], later)) } : early;
  return { ...found.audit, reflections: found.reflections, actions, people, gradeViews: found.gradeViews?.views ?? [], ...extras };
}
