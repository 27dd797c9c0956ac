/**
 * `/v1/retention`: what retention will delete in the coming months (`preview`) and what it has
 * deleted (`log`: counts, case types and dates, never a reference). QA officers and senior
 * managers also see which cases are due, to put any on legal hold; a tenant admin, who sees no
 * case data, sees the counts only.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { CASE_TYPES, type CaseType } from '@waypoint/shared/cases/case-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { requireRole } from '../platform/auth/caller.ts';
import { closedCases, closedDayOf, deletableFrom, readRetentionLog, retentionYearsOf } from './case-retention.ts';

export const RETENTION_READERS = ['qa', 'senior', 'admin'] as const;
const SEES_CASES = ['qa', 'senior'];
const MONTHS_AHEAD = 12;

export const retentionRoutes = new Hono<AppEnv>();

function monthsFrom(today: string): string[] {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return Array.from({ length: MONTHS_AHEAD }, (_, i) => {
    const n = y * 12 + (m - 1) + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

const byType = () => Object.fromEntries(CASE_TYPES.map((t) => [t, 0])) as Record<CaseType, number>;

retentionRoutes.get('/preview', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, RETENTION_READERS);
  const today = londonDate(clock.now());
  const [years, closed] = await Promise.all([retentionYearsOf(tenant), closedCases(tenant)]);
  const months = monthsFrom(today).map((month) => ({ month, cases: 0, byCaseType: byType() }));
  const dueNow = { cases: 0, byCaseType: byType() };
  const listed: { ref: string; caseType: CaseType; closedOn: string; deletedFrom: string }[] = [];
  let onLegalHold = 0;
  const held: { ref: string; caseType: CaseType; closedOn: string; deletedFrom: string }[] = [];
  for (const k of closed) {
    if (k.legalHold) {
      onLegalHold += 1;
      held.push({ ref: k.ref, caseType: k.caseType, closedOn: closedDayOf(k), deletedFrom: deletableFrom(k, years[k.caseType] ?? 6) });
      continue;
    }
    const from = deletableFrom(k, years[k.caseType] ?? 6);
    const slot = from <= today ? dueNow : months.find((m) => from.startsWith(m.month));
    if (!slot) continue;
    slot.cases += 1;
    slot.byCaseType[k.caseType] += 1;
    listed.push({ ref: k.ref, caseType: k.caseType, closedOn: closedDayOf(k), deletedFrom: from });
  }
  const order = (a: (typeof listed)[number], b: (typeof listed)[number]) => a.deletedFrom.localeCompare(b.deletedFrom) || a.ref.localeCompare(b.ref);
  listed.sort(order);
  held.sort(order);
  return c.json({ today, years, dueNow, months, onLegalHold, ...(SEES_CASES.includes(staff.role) ? { cases: listed, held } : {}) });
});

retentionRoutes.get('/log', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, RETENTION_READERS);
  return c.json({ items: await readRetentionLog(tenant) });
});

const Counts = v.object({ cases: v.number(), byCaseType: v.record(v.string(), v.number()) });

export const retentionRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/retention/preview',
    tag: 'Retention',
    summary: 'What retention will delete: cases due now and in each of the next 12 months',
    description:
      'Closed cases not on legal hold, by the month they pass their case type’s years after closing. QA officers and senior managers also get `cases` (reference, type, closing day, first day it may be deleted) to put any on legal hold, and `held` (the closed cases on legal hold, with the day they would otherwise go); a tenant admin gets the counts only.',
    access: RETENTION_READERS,
    success: {
      status: 200,
      description: 'Counts by month and case type',
      schema: v.object({
        today: v.string(),
        years: v.record(v.string(), v.number()),
        dueNow: Counts,
        months: v.array(v.object({ month: v.string(), ...Counts.entries })),
        onLegalHold: v.number(),
        cases: v.optional(v.array(v.object({ ref: v.string(), caseType: v.string(), closedOn: v.string(), deletedFrom: v.string() }))),
        held: v.optional(v.array(v.object({ ref: v.string(), caseType: v.string(), closedOn: v.string(), deletedFrom: v.string() }))),
      }),
    },
  },
  {
    method: 'get',
    path: '/v1/retention/log',
    tag: 'Retention',
    summary: 'What retention deleted, newest first',
    description: 'One entry per case deleted: the day, the case type, the day it closed, the years kept and counts of what went. No reference and no content.',
    access: RETENTION_READERS,
    success: {
      status: 200,
      description: 'The newest 200 entries',
      schema: v.object({ items: v.array(v.object({ id: v.string(), deletedOn: v.string(), caseType: v.string(), closedOn: v.string(), keptYears: v.number(), counts: v.record(v.string(), v.number()) })) }),
    },
  },
]);
