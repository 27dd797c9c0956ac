/**
 * `auth_recheck_overhead_ratio`: what checking the caller's current user record on every
 * request costs (`recheck-caller.ts`). Two API servers built alike over the bench's own
 * database and issuer, one with the check and one without (`skipUserRecheck`), answer the
 * same case GET with the same token; the ratio is their medians'. Budget: 1.1.
 */
import { startApiServer, type RunningServer } from '@waypoint/functions/api/local-server';
import { API_AUDIENCE } from '@waypoint/functions/local/local-stack';
import { createAccessTokenVerifier } from '@waypoint/functions/platform/auth/access-token';
import type { TestStack } from '../support/stack.ts';

export interface RecheckPair {
  workloads: Record<'case_get_recheck' | 'case_get_no_recheck', () => Promise<void>>;
  stop(): Promise<void>;
}

export async function startRecheckPair(stack: TestStack, options: { path: string; token: string }): Promise<RecheckPair> {
  const servers: RunningServer[] = [];
  for (const skipUserRecheck of [false, true]) {
    const verifier = createAccessTokenVerifier({ issuer: stack.issuer, audience: API_AUDIENCE });
    servers.push(
      await startApiServer({
        port: 0,
        deps: {
          tableName: stack.tableName,
          platformClient: stack.jobDependencies.platformClient,
          dataClientFor: stack.jobDependencies.dataClientFor,
          objects: stack.jobDependencies.objects,
          verifyAccessToken: (token) => verifier.verify(token),
          accounts: stack.accounts,
          portalUrl: stack.jobDependencies.portalUrl,
          devOutbox: false,
          skipUserRecheck,
        },
      }),
    );
  }
  const get = (server: RunningServer) => async () => {
    const response = await fetch(`${server.url}${options.path}`, { headers: { authorization: `Bearer ${options.token}` } });
    if (response.status !== 200) throw new Error(`${options.path} answered ${response.status}`);
    await response.arrayBuffer();
  };
  return {
    workloads: { case_get_recheck: get(servers[0]!), case_get_no_recheck: get(servers[1]!) },
    stop: async () => {
      for (const server of servers) await server.close();
    },
  };
}
