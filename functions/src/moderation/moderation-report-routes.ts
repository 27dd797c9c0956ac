/**
 * `/v1/moderation`: what QA moderates and how far auditors and moderators agree. A
 * month's suggested sample is seeded by the month, so every QA officer sees the same
 * suggestion and can replay it; agreement is computed from the moderations themselves.
 */
import { Hono } from 'hono';
import { agreementByTeam } from '@waypoint/shared/moderation/moderation-agreement';
import { MODERATION_LOOK_BACK_MONTHS, latestMonthWithWork } from '@waypoint/shared/moderation/moderation-month';
import { AgreementQuery, ListModerationsQuery, ModerationSuggestionsQuery, monthsOfPeriod } from '@waypoint/shared/moderation/moderation-schemas';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { proposeSample } from '@waypoint/shared/programme/sampling';
import type { AppEnv } from '../api/app-env.ts';
import { requireRole } from '../platform/auth/caller.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { readQuery } from '../platform/http/validation.ts';
import { today } from '../audits/audit-checks.ts';
import { listMonthAudits } from '../programmes/month-audits.ts';
import { readTotals } from '../totals/totals-store.ts';
import { listTeams } from '../teams/team-store.ts';
import { getUserNames } from '../users/user-store.ts';
import { MODERATORS } from './moderation-routes.ts';
import { listModerations } from './moderation-store.ts';

export const AGREEMENT_READERS = ['qa', 'senior'] as const;
/** A tenth of the month's completed audits, at least one, unless `size` says otherwise. */
const DEFAULT_SHARE = 0.1;

export const moderationReportRoutes = new Hono<AppEnv>();

moderationReportRoutes.get('/suggestions', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, MODERATORS);
  const query = readQuery(c, ModerationSuggestionsQuery);
  const audits = await listMonthAudits(tenant, query.month);
  const moderated = new Set((await listModerations(tenant, [query.month])).map((m) => m.auditId));
  // Completed, not yet moderated, and not run by the caller, who cannot moderate their own.
  const open = audits.filter((a) => a.state === 'completed' && !moderated.has(a.id) && a.auditorId !== staff.userId);
  const completed = audits.filter((a) => a.state === 'completed').length;
  const size = query.size ?? Math.max(1, Math.ceil(completed * DEFAULT_SHARE));
  const seed = `moderation:${query.month}`;
  // Spread over auditors first, then teams: the same fairness the monthly sample gives case holders and case types.
  const sample = proposeSample({ seed, month: query.month, size, candidates: open.map((a) => ({ ref: a.id, holderId: a.auditorId, caseType: a.teamId, status: 'open' as const })) });
  const byId = new Map(open.map((a) => [a.id, a]));
  const items = sample.picked.map((id) => byId.get(id)!);
  const people = Object.fromEntries(
    await getUserNames(
      tenant,
      items.flatMap((a) => [a.auditorId, a.caseHolderId ?? []].flat()),
    ),
  );
  return c.json({ month: query.month, seed, size, completed, alreadyModerated: moderated.size, eligible: sample.eligible, items, people });
});

/** The month moderation opens on: the latest of this month and the twelve before with audits completed or moderated, from the monthly totals (one Query). */
moderationReportRoutes.get('/latest-month', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, AGREEMENT_READERS);
  const thisMonth = today().slice(0, 7);
  const months = Array.from({ length: MODERATION_LOOK_BACK_MONTHS + 1 }, (_, i) => shiftMonth(thisMonth, i - MODERATION_LOOK_BACK_MONTHS));
  const rows = await readTotals(tenant, {}, months[0]!, thisMonth);
  return c.json({ month: latestMonthWithWork(months, rows) });
});

moderationReportRoutes.get('/agreement', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, AGREEMENT_READERS);
  const query = readQuery(c, AgreementQuery);
  const names = new Map((await listTeams(tenant)).map((t) => [t.id, t.name]));
  if (query.team !== undefined && !names.has(query.team)) throw new ApiError('validation', 'No such team', { errors: [{ path: 'team', message: 'No such team' }] });
  const months = monthsOfPeriod(query.period);
  const moderations = await listModerations(tenant, months, query.team);
  const { all, teams } = agreementByTeam(moderations);
  return c.json({ period: query.period, months, team: query.team ?? null, all, teams: teams.map((t) => ({ ...t, teamName: names.get(t.teamId) ?? t.teamId })) });
});

moderationReportRoutes.get('/', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, AGREEMENT_READERS);
  const query = readQuery(c, ListModerationsQuery);
  const items = await listModerations(tenant, [query.month], query.team);
  const people = Object.fromEntries(
    await getUserNames(
      tenant,
      items.flatMap((m) => [m.auditorId, m.moderatorId]),
    ),
  );
  return c.json({ month: query.month, items, people });
});
