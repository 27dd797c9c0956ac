/**
 * `npm run bench`: bundles the API, jobs and imports Lambdas as CDK does and times the API's cold
 * start, builds the portal, starts its own stack, seeds two bench authorities (one year and
 * ten years of history), warms up, then interleaves the workloads (API reads, the staff audit
 * page and the API calls it makes) and prints `name: value` lines, among them the weight of
 * the heaviest public engagement page; last, sustained load with autocannon on loopback.
 * Ratios compare like with like on the same machine at the same moment, so they mean the
 * same on a busy or an idle machine. Not part of `npm test`.
 */
import { loadavg } from 'node:os';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { API_GROUPS } from '@waypoint/functions/api/api-groups';
import { createDocumentClient } from '@waypoint/functions/platform/database/clients';
import { DEMO_TENANTS } from '@waypoint/functions/local/seed/demo-data';
import { DEMO_PASSWORD } from '@waypoint/functions/local/identity/demo-password';
import { fetchAccessToken } from '@waypoint/functions/local/identity/sign-in-flow';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';
import { everyItem } from '../support/seed-snapshot.ts';
import { startStack } from '../support/stack.ts';
import { appCpuPerRequest } from './app-cpu.ts';
import { startRecheckPair } from './auth-recheck.ts';
import { benchHistory } from './bench-history.ts';
import { interleave, percentile, print } from './measure.ts';
import { bundleFunction, coldStartOverNode } from './lambda-bundle.ts';
import { caseworkReadsInOwnProcess, printCaseworkReads } from './casework-reads.ts';
import { caseworkHandler } from './lambda-invoke.ts';
import { listLoadInOwnProcess } from './load.ts';
import { cpuPerRequest } from './read-cpu.ts';
import { heaviestKiB, weighEngagementPages } from './page-weight.ts';
import { portalAuditWorkloads, portalCookieFor, portalPage } from './portal-audit.ts';
import { printImportFigures } from './import-bench.ts';
import { seedBenchTenant } from './seed-bench.ts';
import { teamViewWorkload } from './team-view.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 60);
const WARM_UP = 20;
const started = performance.now();
// Timed figures move with how busy the machine is: the load average goes with each run.
print('load_average_at_start', loadavg()[0]!, 1);

/** One year (1,500 audits, 4,000 actions) and ten years (15,000 audits, 40,000 actions) of an authority's history. */
const BENCH = [
  { tenant: { id: 'b1a7e0f2-1111-4a4a-8a8a-000000000001', slug: 'bench-one-year', name: 'Bench: one year', prefix: 'BA' }, months: 12, audits: 1_500, actions: 4_000, cases: 1_200 },
  { tenant: { id: 'b1a7e0f2-1010-4a4a-8a8a-000000000010', slug: 'bench-ten-years', name: 'Bench: ten years', prefix: 'BT' }, months: 120, audits: 15_000, actions: 40_000, cases: 2_600 },
] as const;

// The Lambda figures first, before the stack starts: bundled exactly as CDK bundles them.
// The API is one function per group of routes (api-groups.ts): the figure is the largest, and its cold start.
const apiBundles = await Promise.all(API_GROUPS.map(async (group) => ({ group, ...(await bundleFunction(`api-${group}`)) })));
const apiBundle = apiBundles.reduce((largest, bundle) => (bundle.kb > largest.kb ? bundle : largest));
const jobsBundle = await bundleFunction('jobs');
const importsBundle = await bundleFunction('imports');
const apiColdStart = await coldStartOverNode(apiBundle.file);
print('lambda_api_bundle_kb', apiBundle.kb, 1);
console.log(`lambda_api_bundle_kb_by_group: ${apiBundles.map((b) => `${b.group} ${b.kb.toFixed(1)}`).join(', ')}`);
print('lambda_jobs_bundle_kb', jobsBundle.kb, 1);
// The import job and its file readers, a function of their own so the jobs function stays small (report).
print('lambda_imports_bundle_kb', importsBundle.kb, 1);
print('lambda_api_init_ms_over_node', apiColdStart.cpuMs, 1);
print('lambda_api_init_wall_ms_over_node', apiColdStart.wallMs, 1);

const stack = await startStack({ portal: true });
try {
  const tenant = DEMO_TENANTS[0]!;
  const token = await stack.tokenFor(`qa@${tenant.slug}.example`);
  const db = createDocumentClient({ endpoint: stack.databaseEndpoint, region: 'eu-west-2' });
  const caseRef = `${tenant.prefix}-00001`;

  // The demo data as the stack seeded it, for the sustained load's database of its own (load.ts).
  const demoItems = await everyItem(db, stack.tableName);
  const seedStarted = performance.now();
  const today = londonDate(new Date());
  const seeded = [];
  for (const [n, bench] of BENCH.entries()) {
    const history = benchHistory({ prefix: bench.tenant.prefix, months: bench.months, audits: bench.audits, actions: bench.actions, cases: bench.cases, today, seed: n + 1 });
    seeded.push(await seedBenchTenant({ db, tableName: stack.tableName, tenant: bench.tenant, history, password: DEMO_PASSWORD, at: new Date().toISOString() }));
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const [oneYear, tenYears] = await Promise.all(seeded.map((s) => stack.tokenFor(s.qaEmail)));

  const get = async (path: string, bearer: string) => {
    const response = await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    await response.arrayBuffer();
  };
  // A completed audit of the demo authority, and a portal session for its QA officer (a real sign-in).
  const audits = (await (await fetch(`${stack.apiUrl}/v1/audits?state=completed&limit=1`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { id: string }[] };
  const auditId = audits.items[0]!.id;
  const portalCookie = await portalCookieFor(stack.portalUrl!, `qa@${tenant.slug}.example`);
  const recheck = await startRecheckPair(stack, { path: `/v1/cases/${caseRef}`, token });
  const invoke = caseworkHandler(stack);
  const workloads = {
    ...recheck.workloads,
    audit_get: () => get(`/v1/audits/${auditId}`, token),
    // The staff audit page, and the API calls its server load makes, mirrored call for call (portal-audit.ts).
    ...portalAuditWorkloads({ get, page: portalPage(stack.portalUrl!, portalCookie), token, auditId }),
    case_get: () => get(`/v1/cases/${caseRef}`, token),
    // The same reads as the casework Lambda answers them: its handler called with an API Gateway event (lambda-invoke.ts).
    case_get_handler: () => invoke(`/v1/cases/${caseRef}`, token),
    audit_get_handler: () => invoke(`/v1/audits/${auditId}`, token),
    raw_getitem: async () => {
      const { Item } = await db.send(new GetCommand({ TableName: stack.tableName, Key: tenantKeys(tenant.id).case(caseRef) }));
      if (!Item) throw new Error('case missing');
    },
    dashboard_1y: () => get('/v1/dashboards/service?period=12m', oneYear!),
    dashboard_10y: () => get('/v1/dashboards/service?period=12m', tenYears!),
    compliance_report_1y: () => get('/v1/compliance/report', oneYear!),
    compliance_report_10y: () => get('/v1/compliance/report', tenYears!),
    case_get_10y: () => get(`/v1/cases/${BENCH[1].tenant.prefix}-00001`, tenYears!),
    team_view_10y: teamViewWorkload(get, tenYears!),
  };
  await interleave(workloads, WARM_UP);
  const samples = await interleave(workloads, ROUNDS);
  const p50 = (name: keyof typeof workloads) => percentile(samples[name]!, 50);
  console.log(`rounds: ${ROUNDS}`);
  print('case_get_p50_ms', p50('case_get'));
  print('raw_getitem_p50_ms', p50('raw_getitem'));
  print('case_get_handler_p50_ms', p50('case_get_handler'));
  // The case GET through the casework handler ÷ its GetItem, here in a process that also runs the
  // local server, the dashboards, the team page and the portal's calls (no deployed function does).
  print('api_read_overhead_ratio_shared_process', p50('case_get_handler') / p50('raw_getitem'));
  print('api_read_overhead_ratio_via_http', p50('case_get') / p50('raw_getitem'));
  print('auth_recheck_overhead_ratio', p50('case_get_recheck') / p50('case_get_no_recheck'));
  // The same reads as CPU time per request (read-cpu.ts), which does not count waiting for a core.
  const readCpu = await cpuPerRequest({ raw_getitem: workloads.raw_getitem, case_get_handler: workloads.case_get_handler, audit_get_handler: workloads.audit_get_handler }, { blocks: 15 });
  print('api_read_overhead_ratio_cpu_shared_process', readCpu.case_get_handler!.processUs / readCpu.raw_getitem!.processUs);
  print('audit_get_vs_case_get_ratio_cpu_shared_process', readCpu.audit_get_handler!.processUs / readCpu.case_get_handler!.processUs);
  // The budgeted figures as a deployed casework Lambda answers: the handler and the GetItem in a
  // process that holds only that function (casework-process.ts), after the rounds above, so
  // nothing else in this process runs meanwhile.
  const caseworkToken = await fetchAccessToken({ issuer: stack.issuer, email: `qa@${tenant.slug}.example`, password: DEMO_PASSWORD });
  const own = await caseworkReadsInOwnProcess(stack, { tenantId: tenant.id, token: caseworkToken, caseRef, auditId });
  printCaseworkReads(own, print);
  await recheck.stop();
  print('case_get_p95_ms', percentile(samples.case_get!, 95));
  print('raw_getitem_p95_ms', percentile(samples.raw_getitem!, 95));
  console.log(`bench_items_written: ${seeded.map((s) => s.items).join(' + ')}`);
  print('bench_seed_seconds', seedSeconds, 1);
  print('dashboard_12m_1y_p50_ms', p50('dashboard_1y'));
  print('dashboard_12m_10y_p50_ms', p50('dashboard_10y'));
  print('case_get_10y_p50_ms', p50('case_get_10y'));
  print('dashboard_12m_10y_p95_ms', percentile(samples.dashboard_10y!, 95));
  print('audit_get_p50_ms', p50('audit_get'));
  print('audit_get_vs_case_get_ratio', p50('audit_get') / p50('case_get'));
  print('audit_get_vs_case_get_ratio_via_handler_shared_process', p50('audit_get_handler') / p50('case_get_handler'));
  print('portal_audit_page_p50_ms', p50('portal_audit_page'));
  print('portal_audit_page_vs_api_ratio', p50('portal_audit_page') / p50('portal_audit_api'));
  print('dashboard_history_ratio', p50('dashboard_10y') / p50('dashboard_1y'));
  print('dashboard_vs_case_get_ratio', p50('dashboard_10y') / p50('case_get_10y'));
  print('compliance_report_history_ratio', p50('compliance_report_10y') / p50('compliance_report_1y'));
  print('team_view_vs_case_get_ratio', p50('team_view_10y') / p50('case_get_10y'));
  // Budget under 30: every public page in every language, gzipped HTML plus its CSS.
  print('engagement_page_kb_max', heaviestKiB(await weighEngagementPages(stack.portalUrl!, { slug: tenant.slug, code: `${tenant.prefix}47-SAYS` })), 1);
  // A fresh token: the one from the start of the run may be near its expiry by now.
  const freshToken = await fetchAccessToken({ issuer: stack.issuer, email: `qa@${tenant.slug}.example`, password: DEMO_PASSWORD });
  // The API's own CPU per request, apart from the database and HTTP (app-cpu.ts): CPU time, so it holds on a busy machine.
  const cpu = await appCpuPerRequest({ stack, db, token: freshToken, paths: { case_get: `/v1/cases/${caseRef}`, audit_get: `/v1/audits/${auditId}`, cases_list: '/v1/cases?limit=25' } });
  print('app_cpu_case_get_us', cpu.case_get!, 0);
  print('app_cpu_audit_get_us', cpu.audit_get!, 0);
  print('app_cpu_cases_list_us', cpu.cases_list!, 0);
  // Sustained load, one after another: the list, a bare hello route, the raw Query, all from a
  // process that holds only the casework function (list-load-process.ts), over a database of
  // their own holding the demo data.
  const { list, hello, raw } = await listLoadInOwnProcess(stack, { tenantId: tenant.id, token: freshToken, hello: true, items: demoItems });
  print('load_cases_list_rps', list.requestsPerSecond, 0);
  print('load_raw_query_rps', raw.requestsPerSecond, 0);
  print('load_hello_rps', hello!.requestsPerSecond, 0);
  print('load_cases_list_vs_raw_query_ratio', list.requestsPerSecond / raw.requestsPerSecond);
  print('load_cases_list_vs_hello_ratio', list.requestsPerSecond / hello!.requestsPerSecond, 3);
  print('load_cases_list_p99_ms', list.p99Ms, 0);
  print('load_raw_query_p99_ms', raw.p99Ms, 0);
  // Imports last, on a database of their own, so their load touches no other figure.
  await printImportFigures(print);
  print('load_average_at_end', loadavg()[0]!, 1);
  print('bench_seconds', (performance.now() - started) / 1000, 1);
} finally {
  await stack.stop();
}
process.exit(0);
