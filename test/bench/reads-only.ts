/**
 * `npm run bench:reads`: only the API read figures (`api_read_overhead_ratio`,
 * `audit_get_vs_case_get_ratio` and, with `BENCH_LOAD=1`, the list's sustained-load figures),
 * measured exactly as `npm run bench` (run.ts) measures them, on a stack of its own without the
 * portal or the bench authorities: a quicker loop when working on the read path. It also says
 * how many database requests each read makes, which a timed figure only hints at.
 */
import { loadavg } from 'node:os';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';
import { caseworkReadsInOwnProcess, printCaseworkReads } from './casework-reads.ts';
import { caseworkHandler } from './lambda-invoke.ts';
import { listLoadInOwnProcess } from './load.ts';
import { interleave, percentile, print } from './measure.ts';
import { cpuPerRequest } from './read-cpu.ts';
import { startReadFixture } from './read-fixture.ts';
import { everyItem } from '../support/seed-snapshot.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 60);
print('load_average_at_start', loadavg()[0]!, 1);
const { stack, tenant, token, db, caseRef, auditId } = await startReadFixture();
try {
  const get = async (path: string) => {
    const response = await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return response.arrayBuffer();
  };
  const invoke = caseworkHandler(stack);
  const invokeHono = caseworkHandler(stack, { adapter: 'hono' });
  const keys = tenantKeys(tenant.id);
  const auditItem = (await db.send(new GetCommand({ TableName: stack.tableName, Key: keys.audit(auditId) }))).Item!;
  const partitionQuery = () => db.send(new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition(auditId) } }));
  const ak = keys.actionsByAudit(String(auditItem.caseRef), auditId);
  const actionsQuery = () =>
    db.send(
      new QueryCommand({
        TableName: stack.tableName,
        IndexName: 'GSI3',
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': 'GSI3PK', '#sk': 'GSI3SK' },
        ExpressionAttributeValues: { ':pk': ak.GSI3PK, ':prefix': ak.GSI3SK },
      }),
    );
  const rawAudit = () => ({
    raw_audit_getitem: () => db.send(new GetCommand({ TableName: stack.tableName, Key: keys.audit(auditId) })),
    raw_partition_query: partitionQuery,
    raw_actions_query: actionsQuery,
    raw_both: () => Promise.all([partitionQuery(), actionsQuery()]),
  });
  const workloads = {
    case_get: () => get(`/v1/cases/${caseRef}`),
    audit_get: () => get(`/v1/audits/${auditId}`),
    case_get_handler: () => invoke(`/v1/cases/${caseRef}`, token),
    // The same with hono/aws-lambda's adapter, as the API's Lambdas used before http-api-handler.ts.
    case_get_handler_hono_adapter: () => invokeHono(`/v1/cases/${caseRef}`, token),
    audit_get_handler: () => invoke(`/v1/audits/${auditId}`, token),
    raw_getitem: async () => {
      const { Item } = await db.send(new GetCommand({ TableName: stack.tableName, Key: tenantKeys(tenant.id).case(caseRef) }));
      if (!Item) throw new Error('case missing');
    },
    ...(process.env.BENCH_RAW_AUDIT ? rawAudit() : {}),
  };
  // Database requests per read, counted on the API's own client (after a warm-up, as measured).
  const client = stack.jobDependencies.dataClientFor(tenant.id);
  const sent: string[] = [];
  client.middlewareStack.add((next, context) => (args) => (sent.push(String(context.commandName)), next(args)), { step: 'initialize', name: 'benchCount' });
  await interleave(workloads, 20);
  for (const name of ['case_get', 'audit_get'] as const) {
    sent.length = 0;
    const bytes = (await workloads[name]()).byteLength;
    console.log(`${name}: ${sent.length} database requests (${sent.join(', ')}), ${bytes} bytes`);
  }
  client.middlewareStack.remove('benchCount');
  const samples = await interleave(workloads, ROUNDS);
  const p50 = (name: keyof typeof workloads) => percentile(samples[name]!, 50);
  console.log(`rounds: ${ROUNDS}`);
  for (const name of Object.keys(workloads)) print(`${name}_p50_ms`, percentile(samples[name]!, 50));
  // In this process, beside the local server and everything else it runs (run.ts prints the same).
  print('api_read_overhead_ratio_shared_process', p50('case_get_handler') / p50('raw_getitem'));
  print('api_read_overhead_ratio_hono_adapter', p50('case_get_handler_hono_adapter') / p50('raw_getitem'));
  print('api_read_overhead_ratio_via_http', p50('case_get') / p50('raw_getitem'));
  print('audit_get_vs_case_get_ratio', p50('audit_get') / p50('case_get'));
  print('audit_get_vs_case_get_ratio_via_handler_shared_process', p50('audit_get_handler') / p50('case_get_handler'));
  // CPU time per request (read-cpu.ts), which a busy machine moves far less than the timed medians.
  const cpu = await cpuPerRequest({ raw_getitem: workloads.raw_getitem, case_get_handler: workloads.case_get_handler, case_get_handler_hono_adapter: workloads.case_get_handler_hono_adapter, audit_get_handler: workloads.audit_get_handler }, { blocks: 15 });
  for (const [name, used] of Object.entries(cpu)) print(`cpu_${name}_us`, used.processUs, 0);
  print('api_read_overhead_ratio_cpu_shared_process', cpu.case_get_handler!.processUs / cpu.raw_getitem!.processUs);
  print('api_read_overhead_ratio_main_thread_cpu_shared_process', cpu.case_get_handler!.mainThreadUs / cpu.raw_getitem!.mainThreadUs);
  print('api_read_overhead_ratio_cpu_hono_adapter', cpu.case_get_handler_hono_adapter!.processUs / cpu.raw_getitem!.processUs);
  print('audit_get_vs_case_get_ratio_cpu_shared_process', cpu.audit_get_handler!.processUs / cpu.case_get_handler!.processUs);
  // The budgeted figures, as run.ts takes them: in a process that holds only the casework function (casework-process.ts).
  const own = await caseworkReadsInOwnProcess(stack, { tenantId: tenant.id, token, caseRef, auditId });
  printCaseworkReads(own, print);
  if (process.env.BENCH_LOAD) {
    const { list, raw } = await listLoadInOwnProcess(stack, { tenantId: tenant.id, token, items: await everyItem(db, stack.tableName) });
    print('load_cases_list_rps', list.requestsPerSecond, 0);
    print('load_raw_query_rps', raw.requestsPerSecond, 0);
    print('load_cases_list_vs_raw_query_ratio', list.requestsPerSecond / raw.requestsPerSecond);
    print('load_cases_list_p99_ms', list.p99Ms, 0);
    print('load_raw_query_p99_ms', raw.p99Ms, 0);
  }
  print('load_average_at_end', loadavg()[0]!, 1);
} finally {
  await stack.stop();
}
process.exit(0);
