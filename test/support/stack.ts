/**
 * A whole Waypoint for the test suites: in-memory dynalite with the demo data, the local
 * OpenID provider, the API and (optionally) the built portal, on free ports.
 *
 * Starting one means seeding the demo data, which was most of a test file's cost. So the files a
 * worker runs one after another share one stack (one with the portal, one without), and each
 * file starts from the demo data as seeded: what the previous file wrote is put back first
 * (seeded-data.ts), and its sign-ins are its own. The suites that use them run without module
 * isolation (vitest.config.ts), so this module and its stacks live as long as the worker. A file
 * that stops part of the stack, or must not share one, asks for `{ own: true }`.
 */
import { startLocalStack, type LocalStack } from '@waypoint/functions/local/local-stack';
import { DEMO_PASSWORD } from '@waypoint/functions/local/identity/demo-password';
import { fetchAccessToken } from '@waypoint/functions/local/identity/sign-in-flow';
import type { RequestLimits } from '@waypoint/functions/platform/limits/request-limits';
import { inject } from 'vitest';
import { forgetWhatTheApiKept, rememberSeededData, type SeededData } from './seeded-data.ts';
import { seedFromSnapshot } from './seed-snapshot.ts';

export interface TestStack extends LocalStack {
  /** An access token for a seeded user, from a real sign-in; cached per email. */
  tokenFor(email: string): Promise<string>;
  /** fetch against the API with that user's token. */
  api(email: string | null, path: string, init?: RequestInit): Promise<Response>;
  /** Whether other test files use this stack too (then `stop()` leaves it running for them). */
  shared: boolean;
}

export interface StackOptions {
  /** Start the built portal too. */
  portal?: boolean;
  /** A stack of this file's own, stopped by `stop()`, instead of the worker's shared one. */
  own?: boolean;
  /** Request limits for an own stack (`request-limits.test.ts` sets tiny ones). */
  limits?: RequestLimits;
}

/**
 * The suites send far more requests a second than people do, so their stacks' limits are out
 * of reach: the limiter still runs on every request (and the bench measures it), but only a
 * test that sets its own limits ever meets one.
 */
export const ROOMY: RequestLimits = {
  staff: { perSecond: 100_000, burst: 1_000_000 },
  publicClient: { perSecond: 100_000, burst: 1_000_000 },
  publicSession: { perSecond: 100_000, burst: 1_000_000 },
};

const sharedStacks = new Map<boolean, Promise<{ stack: LocalStack; seeded: SeededData }>>();

export async function startStack(options: StackOptions = {}): Promise<TestStack> {
  const portal = options.portal ?? false;
  if (options.own) {
    forgetWhatTheApiKept();
    return withHelpers(await startLocalStack({ ports: { identity: 0, api: 0 }, portal, quiet: true, limits: options.limits ?? ROOMY, seed: snapshotSeed() }), false);
  }
  let shared = sharedStacks.get(portal);
  if (!shared) {
    shared = startSharedStack(portal);
    // A failed start is not remembered, so the next file tries again.
    shared.catch(() => sharedStacks.delete(portal));
    sharedStacks.set(portal, shared);
  }
  const { stack, seeded } = await shared;
  await seeded.restore();
  return withHelpers(stack, true);
}

async function startSharedStack(portal: boolean) {
  const stack = await startLocalStack({ ports: { identity: 0, api: 0 }, portal, quiet: true, limits: ROOMY, seed: snapshotSeed() });
  // Nothing else stops it: the portal's process goes when the worker does (the signal is sent synchronously).
  process.once('exit', () => void stack.stop());
  return { stack, seeded: await rememberSeededData(stack.jobDependencies.platformClient, stack.tableName) };
}

/** The demo data global-seed.ts seeded once for the run, when there is one (the bench has none). */
function snapshotSeed() {
  let path: string | undefined;
  try {
    path = inject('demoSeedSnapshot');
  } catch {
    // Not under vitest.
  }
  return path ? seedFromSnapshot(path) : undefined;
}

function withHelpers(stack: LocalStack, shared: boolean): TestStack {
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (email: string) => {
    let token = tokens.get(email);
    if (!token) {
      token = fetchAccessToken({ issuer: stack.issuer, email, password: DEMO_PASSWORD });
      // A failed sign-in is not remembered either.
      token.catch(() => tokens.delete(email));
      tokens.set(email, token);
    }
    return token;
  };
  const api = async (email: string | null, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (email) headers.set('authorization', `Bearer ${await tokenFor(email)}`);
    if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(`${stack.apiUrl}${path}`, { ...init, headers });
  };
  return { ...stack, tokenFor, api, shared, stop: shared ? async () => undefined : stack.stop };
}
