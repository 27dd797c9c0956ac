/** Results filters from the address: only valid values pass to the API, with words saying what is shown. */
import * as v from 'valibot';
import { ResultsQuery } from '@waypoint/shared/engagement/results/result-schemas';
import { AUDIENCE_LABELS } from '@waypoint/shared/engagement/audiences';
import { CASE_TYPE_LABELS } from '@waypoint/shared/cases/case-schemas';
import { formatDate } from '$lib/formatting/dates';

export interface ResultFilters {
  values: { from: string; to: string; audience: string; team: string; caseType: string };
  /** What the API is asked: valid values only. */
  query: Record<string, string | undefined>;
  /** `?…` to carry the same filters to the CSV and print view ('' when none). */
  search: string;
  description: string;
}

const KEYS = ['from', 'to', 'audience', 'team', 'caseType'] as const;

export function resultFilters(params: URLSearchParams, keys: readonly (typeof KEYS)[number][] = KEYS): ResultFilters {
  const raw = Object.fromEntries(keys.map((k) => [k, (params.get(k) ?? '').trim()]).filter(([, value]) => value !== ''));
  const parsed = v.safeParse(ResultsQuery, raw);
  const query: Record<string, string | undefined> = parsed.success ? { ...parsed.output } : {};
  const search = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  const parts = [
    query.from ? `sent from ${formatDate(query.from)}` : '',
    query.to ? `sent up to ${formatDate(query.to)}` : '',
    query.audience ? AUDIENCE_LABELS[query.audience as keyof typeof AUDIENCE_LABELS] : '',
    query.caseType ? CASE_TYPE_LABELS[query.caseType as keyof typeof CASE_TYPE_LABELS] : '',
  ].filter(Boolean);
  return {
    values: { from: params.get('from') ?? '', to: params.get('to') ?? '', audience: params.get('audience') ?? '', team: params.get('team') ?? '', caseType: params.get('caseType') ?? '' },
    query,
    search: search ? `?${search}` : '',
    description: `${parsed.success ? '' : 'Some filters were not valid and are ignored. '}Showing responses ${parts.length ? parts.join(', ') : 'of every period'}.`,
  };
}

export const periodFilters = (params: URLSearchParams) => resultFilters(params, ['from', 'to']);
