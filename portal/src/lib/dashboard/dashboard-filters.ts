/**
 * The service dashboard's filters from the address (period, the month it ends, team, case
 * type). Anything malformed is dropped rather than sent on, so a hand-edited address shows
 * the default view instead of an error page.
 */
import * as v from 'valibot';
import { Month } from '@waypoint/shared/audits/audit-dates';
import { CASE_TYPES, EntityId, type CaseType } from '@waypoint/shared/cases/case-schemas';
import { DASHBOARD_PERIODS, type DashboardPeriod } from '@waypoint/shared/dashboards/dashboard-periods';

export interface DashboardQuery {
  period: DashboardPeriod;
  to?: string;
  team?: string;
  caseType?: CaseType;
}

function pick<T>(schema: v.GenericSchema<string, T>, raw: string | null): T | undefined {
  if (!raw) return undefined;
  const parsed = v.safeParse(schema, raw);
  return parsed.success ? parsed.output : undefined;
}

export function dashboardQuery(params: URLSearchParams): DashboardQuery {
  const to = pick(Month, params.get('to'));
  const team = pick(EntityId, params.get('team'));
  const caseType = pick(v.picklist(CASE_TYPES), params.get('caseType'));
  return { period: pick(v.picklist(DASHBOARD_PERIODS), params.get('period')) ?? '12m', ...(to ? { to } : {}), ...(team ? { team } : {}), ...(caseType ? { caseType } : {}) };
}

/** The same filters as an address query, for the CSV links and the print view. */
export function queryString(query: DashboardQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...extra })) if (value) params.set(key, value);
  return params.toString();
}
