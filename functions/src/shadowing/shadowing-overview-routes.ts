/**
 * `GET /v1/shadowing/all`: the leaders' list of shadowing, to see how the programme is going:
 * who shadowed whom, what and when, and how far each has got (answered, consent, observation,
 * each side's feedback), never what anyone wrote. Senior managers and QA officers see the
 * authority's; a team manager their own teams' and their own.
 */
import { Hono } from 'hono';
import { consentState } from '@waypoint/shared/shadowing/shadowing-moves';
import { SHADOWING_LEARNERS } from '@waypoint/shared/shadowing/shadowing-roles';
import type { Shadowing, ShadowingOverview, ShadowingSummary } from '@waypoint/shared/shadowing/shadowing-schemas';
import { addMonths } from '@waypoint/shared/time/calendar-dates';
import type { AppEnv } from '../api/app-env.ts';
import { today } from '../audits/audit-checks.ts';
import { requireRole } from '../platform/auth/caller.ts';
import { getUser } from '../users/user-store.ts';
import { namesOf } from './shadowing-access.ts';
import { listShadowingBetween } from './shadowing-store.ts';

export const overviewRoutes = new Hono<AppEnv>();

/** The list reaches back a year; what is booked ahead is all shown. */
export const OVERVIEW_MONTHS = 12;

export function summaryOf(s: Shadowing): ShadowingSummary {
  return {
    id: s.id,
    shadowerId: s.shadowerId,
    practitionerId: s.practitionerId,
    teamId: s.teamId,
    work: s.work,
    date: s.date,
    ...(s.time === undefined ? {} : { time: s.time }),
    state: s.state,
    consent: consentState(s),
    observed: s.observation !== undefined,
    shadowerFeedback: s.shadowerFeedback !== undefined,
    practitionerFeedback: s.practitionerFeedback !== undefined,
  };
}

overviewRoutes.get('/all', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, SHADOWING_LEARNERS);
  const from = addMonths(today(), -OVERVIEW_MONTHS);
  const [found, me] = await Promise.all([listShadowingBetween(tenant, from, '9999-12-31'), getUser(tenant, staff.userId)]);
  const teams = me?.teamIds ?? [];
  const visible = staff.role === 'manager' ? found.filter((s) => teams.includes(s.teamId) || s.shadowerId === staff.userId) : found;
  const overview: ShadowingOverview = { from, items: visible.map(summaryOf), people: await namesOf(tenant, visible) };
  return c.json(overview);
});
