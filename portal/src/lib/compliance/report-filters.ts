/**
 * The compliance report's filters from the address (the month it ends, a team). Anything
 * malformed is dropped, so a hand-edited address shows the default report, not an error.
 */
import * as v from 'valibot';
import { Month } from '@waypoint/shared/audits/audit-dates';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import type { ComplianceReportQuery } from '@waypoint/shared/compliance/compliance-schemas';

export function reportQuery(params: URLSearchParams): ComplianceReportQuery {
  const to = v.safeParse(Month, params.get('to') ?? '');
  const team = v.safeParse(EntityId, params.get('team') ?? '');
  return { ...(to.success ? { to: to.output } : {}), ...(team.success ? { team: team.output } : {}) };
}

export function reportQueryString(query: ComplianceReportQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  return params.toString();
}

/** "87.5%"; a dash while nothing was answered yes or no. */
export function percentText(share: number | null): string {
  return share === null ? 'No answers yet' : `${Math.round(share * 1000) / 10}%`;
}
