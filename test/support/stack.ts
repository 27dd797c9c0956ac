/**
 * A whole Waypoint for the test suites: in-memory dynalite with the demo data, the local
 * OpenID provider, the API and (optionally) the built portal, on free ports.
 *
 * Starting one was most of a test file's cost. So the demo data is seeded once per run
 * (global-seed.ts) and loaded into each stack, the files a worker runs one after another share
 * one stack (one with the portal, one without), and each file starts from the demo data as
 * seeded: what the previous file wrote (the database notes each write's key) is put back first
 * (seeded-data.ts). The demo people's
 * access tokens are handed on from file to file (below). The suites that use them run without
 * module isolation (vitest.config.ts), so this module and its stacks live as long as the
 * worker. A file that stops part of the stack, or must not share one, asks for `{ own: true }`.
 */
import { startLocalStack, type LocalStack } from '@waypoint/functions/local/local-stack';
import { DEMO_PASSWORD } from '@waypoint/functions/local/identity/demo-password';
import { fetchAccessToken } from '@waypoint/functions/local/identity/sign-in-flow';
import type { RequestLimits } from '@waypoint/functions/platform/limits/request-limits';
import { ROOMY } from './roomy-limits.ts';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { platformKeys } from '@waypoint/shared/tenancy/keys';
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
  return withHelpers(stack, true, seeded);
}

async function startSharedStack(portal: boolean) {
  const stack = await startLocalStack({ ports: { identity: 0, api: 0 }, portal, quiet: true, limits: ROOMY, seed: snapshotSeed(), trackWrites: true });
  // Nothing else stops it: the portal's process goes when the worker does (the signal is sent synchronously).
  process.once('exit', () => void stack.stop());
  return { stack, seeded: await rememberSeededData(stack.database, stack.tableName) };
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

/**
 * Access tokens of the demo people, kept by the worker for the files that share its stack: a
 * real sign-in (the provider's pages, the password, the code) costs each file more than most of
 * its tests. A token is kept only if it says what the demo data says of its person (the same
 * user, role and authority), so one signed in after a file changed their account is never
 * handed to the next file, which starts from the demo data again. Tokens last an hour; one is
 * handed on for a third of that, so it never expires in a slow file's hands.
 */
const workerTokens = new Map<string, { token: string; signedInAt: number }>();
const HAND_ON_FOR_MS = 20 * 60_000;

function withHelpers(stack: LocalStack, shared: boolean, seeded?: SeededData): TestStack {
  const tokens = new Map<string, Promise<string>>();
  const signIn = async (email: string) => {
    const kept = seeded && workerTokens.get(`${stack.issuer} ${email}`);
    if (kept && Date.now() - kept.signedInAt < HAND_ON_FOR_MS) return kept.token;
    const signedInAt = Date.now();
    const token = await fetchAccessToken({ issuer: stack.issuer, email, password: DEMO_PASSWORD });
    if (seeded && saysAsSeeded(token, seeded.item(platformKeys.account(email)))) workerTokens.set(`${stack.issuer} ${email}`, { token, signedInAt });
    return token;
  };
  const tokenFor = (email: string) => {
    let token = tokens.get(email);
    if (!token) {
      token = signIn(email);
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

/** Whether an access token names the person, role and authority of a seeded sign-in account. */
function saysAsSeeded(token: string, account: Record<string, AttributeValue> | undefined): boolean {
  if (!account) return false;
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  const tenantId = account.tenantId?.S ?? null;
  return claims.sub === account.userId?.S && claims.role === account.role?.S && (claims.tenant_id ?? null) === tenantId;
}
