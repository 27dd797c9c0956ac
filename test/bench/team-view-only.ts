/**
 * `npm run bench:team`: only `team_view_vs_case_get_ratio`, on a stack of its own with the
 * ten-year bench authority seeded as `npm run bench` seeds it (run.ts measures it the same way).
 */
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { DEMO_PASSWORD } from '@waypoint/functions/local/identity/demo-password';
import { createDocumentClient } from '@waypoint/functions/platform/database/clients';
import { startStack } from '../support/stack.ts';
import { benchHistory } from './bench-history.ts';
import { interleave, percentile, print } from './measure.ts';
import { seedBenchTenant } from './seed-bench.ts';
import { teamViewWorkload } from './team-view.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 60);
const TEN_YEARS = { tenant: { id: 'b1a7e0f2-1010-4a4a-8a8a-000000000010', slug: 'bench-ten-years', name: 'Bench: ten years', prefix: 'BT' }, months: 120, audits: 15_000, actions: 40_000, cases: 2_600 } as const;

const stack = await startStack();
try {
  const db = createDocumentClient({ endpoint: stack.databaseEndpoint, region: 'eu-west-2' });
  const history = benchHistory({ prefix: TEN_YEARS.tenant.prefix, months: TEN_YEARS.months, audits: TEN_YEARS.audits, actions: TEN_YEARS.actions, cases: TEN_YEARS.cases, today: londonDate(new Date()), seed: 2 });
  const seeded = await seedBenchTenant({ db, tableName: stack.tableName, tenant: TEN_YEARS.tenant, history, password: DEMO_PASSWORD, at: new Date().toISOString() });
  const token = await stack.tokenFor(seeded.qaEmail);
  const get = async (path: string, bearer: string) => {
    const response = await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    await response.arrayBuffer();
  };
  const workloads = { team_view_10y: teamViewWorkload(get, token), case_get_10y: () => get(`/v1/cases/${TEN_YEARS.tenant.prefix}-00001`, token) };
  await interleave(workloads, 20);
  const samples = await interleave(workloads, ROUNDS);
  console.log(`rounds: ${ROUNDS}`);
  print('team_view_10y_p50_ms', percentile(samples.team_view_10y!, 50));
  print('case_get_10y_p50_ms', percentile(samples.case_get_10y!, 50));
  print('team_view_vs_case_get_ratio', percentile(samples.team_view_10y!, 50) / percentile(samples.case_get_10y!, 50));
} finally {
  await stack.stop();
}
process.exit(0);
