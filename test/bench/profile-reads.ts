/**
 * `npm run bench:profile`: a CPU profile of the API's reads as the casework Lambda answers them
 * (lambda-invoke.ts), to find where a read's time goes beside the SDK's own GetItem. Each
 * workload runs alone in a loop after a warm-up while the inspector samples the main thread;
 * the profiles are written to BENCH_PROFILE_DIR (default `bench-profiles/`) as `.cpuprofile`
 * (open them in Chrome's DevTools) and the heaviest functions by self time are printed. The
 * `_app_only` workloads answer from memory (app-cpu.ts): the adapter's and the app's own work alone.
 * `BENCH_PROFILE_ONLY=name,name` profiles just those; `BENCH_PROFILE_REQUESTS` sets the loop.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';
import { caseworkHandler } from './lambda-invoke.ts';
import { replaying } from './app-cpu.ts';
import { startReadFixture } from './read-fixture.ts';

const REQUESTS = Number(process.env.BENCH_PROFILE_REQUESTS || 4_000);
const dir = process.env.BENCH_PROFILE_DIR || 'bench-profiles';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Self time by function, as a share of all samples: the first rows say where to look. */
function heaviest(profile: { nodes: ProfileNode[] }, rows = 30): string[] {
  const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^.*\/src\//, 'src/')}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + (node.hitCount ?? 0));
  }
  return [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .map(([name, hits]) => `${((hits / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
}

const { stack, tenant, token, db, caseRef, auditId } = await startReadFixture();
try {
  const invoke = caseworkHandler(stack);
  // The same handler over a client that answers from memory: the adapter's and the app's own work alone.
  const remembered = replaying(db);
  const invokeAppOnly = caseworkHandler(stack, { dataClient: remembered });
  const workloads: Record<string, () => Promise<unknown>> = {
    raw_getitem: () => db.send(new GetCommand({ TableName: stack.tableName, Key: tenantKeys(tenant.id).case(caseRef) })),
    case_get_handler: () => invoke(`/v1/cases/${caseRef}`, token),
    audit_get_handler: () => invoke(`/v1/audits/${auditId}`, token),
    case_get_app_only: () => invokeAppOnly(`/v1/cases/${caseRef}`, token),
    audit_get_app_only: () => invokeAppOnly(`/v1/audits/${auditId}`, token),
    cases_list_app_only: () => invokeAppOnly('/v1/cases?limit=25', token),
  };
  const only = process.env.BENCH_PROFILE_ONLY?.split(',');
  mkdirSync(dir, { recursive: true });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  for (const [name, work] of Object.entries(workloads)) {
    if (only && !only.includes(name)) continue;
    for (let n = 0; n < 500; n++) await work();
    await session.post('Profiler.start');
    const before = process.cpuUsage();
    for (let n = 0; n < REQUESTS; n++) await work();
    const used = process.cpuUsage(before);
    const { profile } = await session.post('Profiler.stop');
    const file = join(dir, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`\n${name}: ${((used.user + used.system) / REQUESTS).toFixed(0)} µs of process CPU a request; ${file}`);
    for (const row of heaviest(profile as unknown as { nodes: ProfileNode[] })) console.log(row);
  }
  session.disconnect();
} finally {
  await stack.stop();
}
process.exit(0);
