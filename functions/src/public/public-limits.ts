/**
 * The have-your-say area's request limits (`platform/limits`): every request counts against
 * its client (a keyed hash of the visitor's address, as for wrong codes) at that authority,
 * and a request within a session against that session too. One busy school address or one
 * script slows only itself, never another visitor or another authority.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../api/app-env.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { guessingClient } from './wrong-code-limits.ts';

export async function limitPublicRequest(c: Context<AppEnv>, tenant: TenantContext, sessionId?: string): Promise<void> {
  const limiter = c.var.deps.requestLimiter;
  if (!limiter) return;
  await limiter.require(c, tenant, 'publicClient', await guessingClient(c));
  if (sessionId) await limiter.require(c, tenant, 'publicSession', sessionId);
}
