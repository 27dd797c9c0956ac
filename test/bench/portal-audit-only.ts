/**
 * `npm run bench:portal`: only `portal_audit_page_vs_api_ratio`, on a stack of its own with
 * the demo data (run.ts measures it the same way, among everything else).
 *
 * `BENCH_PORTAL_BEFORE=<a copy of portal/build>` also serves the page from that other build
 * of the portal, against the same API and with the same session, and times it in the same
 * rounds: a change to the portal is compared before and after in one run, on one machine at
 * one moment. The copy must sit inside the repository (portal/bench-before/build, say) so
 * that it finds the portal's packages.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { PORTAL_CLIENT_ID } from '@waypoint/functions/local/identity/waypoint-clients';
import { DEMO_TENANTS } from '@waypoint/functions/local/seed/demo-data';
import { startStack } from '../support/stack.ts';
import { interleave, percentile, print } from './measure.ts';
import { portalAuditWorkloads, portalCookieFor, portalPage } from './portal-audit.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 60);
const before = process.env.BENCH_PORTAL_BEFORE;
// Both portals must open the same sealed session cookie.
process.env.SESSION_SECRET ||= randomBytes(32).toString('hex');

const stack = await startStack({ portal: true });
const stops: (() => void)[] = [];
try {
  const tenant = DEMO_TENANTS[0]!;
  const email = `qa@${tenant.slug}.example`;
  const token = await stack.tokenFor(email);
  const get = async (path: string, bearer: string) => {
    const response = await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    await response.arrayBuffer();
  };
  const audits = (await (await fetch(`${stack.apiUrl}/v1/audits?state=completed&limit=1`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { id: string }[] };
  const auditId = audits.items[0]!.id;
  const cookie = await portalCookieFor(stack.portalUrl!, email);
  const workloads: Record<string, () => Promise<unknown>> = portalAuditWorkloads({ get, page: portalPage(stack.portalUrl!, cookie), token, auditId });
  if (before) {
    const beforeUrl = await startOtherPortal(resolve(before, 'index.js'), stack, stops);
    workloads.portal_audit_page_before = () => portalPage(beforeUrl, cookie)(`/audits/${encodeURIComponent(auditId)}`);
  }
  await interleave(workloads, 20);
  const samples = await interleave(workloads, ROUNDS);
  const p50 = (name: string) => percentile(samples[name]!, 50);
  console.log(`rounds: ${ROUNDS}`);
  print('portal_audit_page_p50_ms', p50('portal_audit_page'));
  print('portal_audit_api_p50_ms', p50('portal_audit_api'));
  print('portal_audit_page_vs_api_ratio', p50('portal_audit_page') / p50('portal_audit_api'));
  if (before) {
    print('portal_audit_page_before_p50_ms', p50('portal_audit_page_before'));
    print('portal_audit_page_before_vs_api_ratio', p50('portal_audit_page_before') / p50('portal_audit_api'));
  }
} finally {
  for (const stop of stops) stop();
  await stack.stop();
}
process.exit(0);

/** The other build, configured as the local stack configures its own portal (local-stack.ts). */
async function startOtherPortal(entry: string, stack: Awaited<ReturnType<typeof startStack>>, stops: (() => void)[]): Promise<string> {
  const port = 20_000 + Math.floor(Math.random() * 40_000);
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, API_URL: stack.apiUrl, OIDC_ISSUER: stack.issuer, OIDC_CLIENT_ID: PORTAL_CLIENT_ID, DEV_OUTBOX: '1', PORT: String(port), HOST: '127.0.0.1', ORIGIN: url },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  stops.push(() => child.kill('SIGTERM'));
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      await fetch(`${url}/signin`, { redirect: 'manual', signal: AbortSignal.timeout(1000) });
      return url;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error('The other portal did not start');
}
