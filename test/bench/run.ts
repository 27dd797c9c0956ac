/**
 * `npm run bench`: starts its own stack, warms up, then interleaves the workloads and
 * prints `name: value` lines. Ratios compare the API with the database call underneath it,
 * so they mean the same on a busy or an idle machine. Not part of `npm test`.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@waypoint/functions/platform/database/clients';
import { DEMO_TENANTS } from '@waypoint/functions/local/seed/demo-data';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';
import { startStack } from '../support/stack.ts';
import { interleave, percentile, print } from './measure.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 60);
const WARM_UP = 20;

const stack = await startStack();
try {
  const tenant = DEMO_TENANTS[0]!;
  const token = await stack.tokenFor(`qa@${tenant.slug}.example`);
  const db = createDocumentClient({ endpoint: stack.databaseEndpoint, region: 'eu-west-2' });
  const caseRef = `${tenant.prefix}-00001`;
  const workloads = {
    case_get: async () => {
      const response = await fetch(`${stack.apiUrl}/v1/cases/${caseRef}`, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`case read answered ${response.status}`);
      await response.arrayBuffer();
    },
    raw_getitem: async () => {
      const { Item } = await db.send(new GetCommand({ TableName: stack.tableName, Key: tenantKeys(tenant.id).case(caseRef) }));
      if (!Item) throw new Error('case missing');
    },
  };
  await interleave(workloads, WARM_UP);
  const samples = await interleave(workloads, ROUNDS);
  const caseGet = percentile(samples.case_get!, 50);
  const rawGet = percentile(samples.raw_getitem!, 50);
  console.log(`rounds: ${ROUNDS}`);
  print('case_get_p50_ms', caseGet);
  print('raw_getitem_p50_ms', rawGet);
  print('api_read_overhead_ratio', caseGet / rawGet);
  print('case_get_p95_ms', percentile(samples.case_get!, 95));
  print('raw_getitem_p95_ms', percentile(samples.raw_getitem!, 95));
} finally {
  await stack.stop();
}
process.exit(0);
