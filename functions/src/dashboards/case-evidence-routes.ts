/**
 * `GET /v1/cases/{ref}/evidence`: the case level of the evidence, for whoever may see the
 * case: its audits, its grades over time, the child's journey and every action raised.
 */
import { Hono } from 'hono';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { CaseRef } from '@waypoint/shared/cases/case-schemas';
import type { CaseEvidence } from '@waypoint/shared/dashboards/case-evidence-schemas';
import type { AppEnv } from '../api/app-env.ts';
import { listActionsForCase } from '../actions/action-store.ts';
import { viewOf } from '../actions/action-scope.ts';
import { today } from '../audits/audit-checks.ts';
import { listAudits } from '../audits/audit-list.ts';
import { canSeeCase, caseViewer } from '../cases/case-scope.ts';
import { findCase } from '../cases/case-store.ts';
import { caseJourneyView } from '../journey/journey-routes.ts';
import { getJourney } from '../journey/journey-store.ts';
import { notFound } from '../platform/http/api-error.ts';
import { readParam } from '../platform/http/validation.ts';
import { getUserNames } from '../users/user-store.ts';
import { sectionTitles } from './section-titles.ts';

export const caseEvidenceRoutes = new Hono<AppEnv>();

/** A case has a handful of audits a year; a hundred covers its whole history. */
const AUDIT_LIMIT = 100;

caseEvidenceRoutes.get('/:ref/evidence', async (c) => {
  const { tenant, staff } = c.var;
  const ref = readParam(c, 'ref', CaseRef);
  const viewer = await caseViewer(tenant, staff);
  const found = viewer.scope === 'none' ? undefined : await findCase(tenant, ref);
  if (!found || !canSeeCase(viewer, found)) throw notFound('case');
  const on = today();
  const [page, actions, journey, titles] = await Promise.all([listAudits({ tenant, viewer, filters: { caseRef: found.ref }, limit: AUDIT_LIMIT }), listActionsForCase(tenant, found.ref), getJourney(tenant, found.ref), sectionTitles(tenant)]);
  const views = actions.map((a) => viewOf(a, on));
  const gradesOverTime = page.items
    .filter((a) => a.state === 'completed' && a.completedAt)
    .map((a) => ({ auditId: a.id, month: a.month, state: a.state, completedOn: londonDate(new Date(a.completedAt!)), overallGrade: a.overallGrade, sectionGrades: a.sectionGrades }))
    .sort((a, b) => a.completedOn.localeCompare(b.completedOn) || a.auditId.localeCompare(b.auditId));
  const count = (test: (a: (typeof views)[number]) => boolean) => views.filter(test).length;
  const actionPeople = await getUserNames(tenant, [...actions.flatMap((a) => [a.ownerId, a.raisedById]), ...(journey?.events ?? []).map((e) => e.recordedById)]);
  const evidence: CaseEvidence = {
    case: found,
    audits: page.items,
    gradesOverTime,
    journey: caseJourneyView(ref, journey, on),
    actions: views,
    actionCounts: {
      open: count((a) => a.state === 'open' || a.state === 'in-progress'),
      overdue: count((a) => a.overdue),
      done: count((a) => a.state === 'done'),
      verified: count((a) => a.state === 'verified'),
      cancelled: count((a) => a.state === 'cancelled'),
    },
    sectionTitles: titles,
    people: { ...page.people, ...Object.fromEntries(actionPeople) },
    today: on,
  };
  return c.json(evidence);
});
