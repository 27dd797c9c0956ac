/**
 * `team_view_vs_case_get_ratio` (budget 5): a team's page in the authority with ten years of
 * history ÷ one `GET /v1/cases/{ref}` there. The page reads one Query of the team's monthly
 * totals from the first of its 12 months onwards, so the history behind it should not show.
 * `npm run bench` measures it with the rest; `npm run bench:team` alone (it seeds only the
 * ten-year authority).
 */
import { BENCH_TEAMS } from './bench-history.ts';

/** The team page's request, for the bench's interleaved rounds. */
export function teamViewWorkload(get: (path: string, bearer: string) => Promise<void>, bearer: string): () => Promise<void> {
  return () => get(`/v1/dashboards/teams/${BENCH_TEAMS[0]!.id}`, bearer);
}
