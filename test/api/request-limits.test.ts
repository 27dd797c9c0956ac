/**
 * Per-authority and per-visitor request limits over HTTP, on a stack of this file's own with
 * tiny buckets and a fixed clock, so nothing depends on how fast the machine is: one authority's
 * staff are throttled while another's carry on; `Retry-After` says exactly when trying again
 * works, and it does; a public client and a public session are each limited on their own.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientAddressHeaders, DEVELOPMENT_CLIENT_ADDRESS_SECRET } from '@waypoint/shared/engagement/client-address';
import type { SessionStarted } from '@waypoint/shared/engagement/response-schemas';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';
import { clock } from '@waypoint/shared/time/clock';
import type { RequestLimits } from '@waypoint/functions/platform/limits/request-limits';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, sm } from './api-client.ts';
import { bearer, expectReason, NORTHVALE, nvCode, publicCall, smCode } from './engagement-support.ts';

/** One token back every ten seconds: waits are whole numbers of seconds, easy to check. */
const LIMITS: RequestLimits = {
  staff: { perSecond: 0.1, burst: 3 },
  publicClient: { perSecond: 0.1, burst: 8 },
  publicSession: { perSecond: 0.1, burst: 2 },
};

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ own: true, limits: LIMITS });
  // Signed in before the clock is fixed, so the tokens are as fresh as any.
  await Promise.all([stack.tokenFor(nv('qa')), stack.tokenFor(sm('qa'))]);
});
afterAll(async () => {
  await stack?.stop();
});
afterEach(() => clock.set(undefined));

/** A whole second well ahead of now, so each test has buckets of its own time. */
let nextStart = Math.ceil(Date.now() / 1000) * 1000 + 3600_000;
const freshStart = () => (nextStart += 3600_000);

async function expectThrottled(response: Response, retryAfter: number): Promise<void> {
  expect(response.headers.get('retry-after')).toBe(String(retryAfter));
  expectReason(await expectProblem(response, 429), 'too-many-requests');
}

const asVisitor = (address: string) => clientAddressHeaders(DEVELOPMENT_CLIENT_ADDRESS_SECRET, address);

describe('request limits', () => {
  it('throttle one authority’s staff with a 429 and Retry-After, leave another authority’s alone, and let them in again when Retry-After says', async () => {
    const start = freshStart();
    clock.set(new Date(start));
    for (let n = 0; n < LIMITS.staff.burst; n++) await expectJson(await stack.api(nv('qa'), '/v1/teams'));
    await expectThrottled(await stack.api(nv('qa'), '/v1/teams'), 10);
    // Refused requests take nothing: still ten seconds to wait, for writes as for reads.
    await expectThrottled(await stack.api(nv('qa'), '/v1/cases'), 10);

    // Southmoor's staff are not slowed by Northvale's.
    for (let n = 0; n < LIMITS.staff.burst; n++) await expectJson(await stack.api(sm('qa'), '/v1/teams'));

    // A second early is still too early, and says so.
    clock.set(new Date(start + 9_000));
    await expectThrottled(await stack.api(nv('qa'), '/v1/teams'), 1);
    clock.set(new Date(start + 10_000));
    await expectJson(await stack.api(nv('qa'), '/v1/teams'));
    // One token came back, and it is spent.
    await expectThrottled(await stack.api(nv('qa'), '/v1/teams'), 10);
  });

  it('limit each public visitor on their own, per authority', async () => {
    const start = freshStart();
    clock.set(new Date(start));
    for (let n = 0; n < LIMITS.publicClient.burst; n++) await expectJson(await publicCall(stack, 'northvale', '', { headers: asVisitor('198.51.100.20') }));
    await expectThrottled(await publicCall(stack, 'northvale', '', { headers: asVisitor('198.51.100.20') }), 10);
    await expectThrottled(await publicCall(stack, 'northvale', '/you-said-we-did', { headers: asVisitor('198.51.100.20') }), 10);
    // Another visitor at the same authority, the same visitor at another, and the authority's staff carry on.
    await expectJson(await publicCall(stack, 'northvale', '', { headers: asVisitor('198.51.100.21') }));
    await expectJson(await publicCall(stack, 'southmoor', '', { headers: asVisitor('198.51.100.20') }));
    await expectJson(await stack.api(nv('qa'), '/v1/teams'));

    clock.set(new Date(start + 10_000));
    await expectJson(await publicCall(stack, 'northvale', '', { headers: asVisitor('198.51.100.20') }));
  });

  it('limit each have-your-say session on its own, so one child’s session slows no one else from the same address', async () => {
    const start = freshStart();
    clock.set(new Date(start));
    const visitor = asVisitor('198.51.100.30');
    const open = async (code: string, slug = 'northvale') => expectJson<SessionStarted>(await publicCall(stack, slug, '/sessions', jsonInit('POST', { code, lang: 'en' }, visitor)), 201);
    const first = await open(nvCode('ages-8-10'));
    for (let n = 0; n < LIMITS.publicSession.burst; n++) await expectJson(await publicCall(stack, 'northvale', '/response', { headers: { ...visitor, ...bearer(first.token) } }));
    await expectThrottled(await publicCall(stack, 'northvale', '/response', { headers: { ...visitor, ...bearer(first.token) } }), 10);

    // A second session from the same address has a bucket of its own.
    const second = await open(nvCode('ages-11-18'));
    await expectJson(await publicCall(stack, 'northvale', '/response', { headers: { ...visitor, ...bearer(second.token) } }));
    const elsewhere = await open(smCode('ages-8-10'), 'southmoor');
    await expectJson(await publicCall(stack, 'southmoor', '/response', { headers: { ...visitor, ...bearer(elsewhere.token) } }));
  });

  it('keep buckets under the authority’s own keys, naming visitors by a keyed hash only, and expiring when idle', async () => {
    const { Items = [] } = await stack.jobDependencies.platformClient.send(new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': tenantKeys(NORTHVALE.id).requestBucketPartition() } }));
    const kinds = new Set(Items.map((item) => String(item.SK).split('#')[0]));
    expect([...kinds].sort()).toEqual(['CLIENT', 'SESSION', 'STAFF']);
    const stored = JSON.stringify(Items);
    for (const address of ['198.51.100.20', '198.51.100.21', '198.51.100.30', '127.0.0.1']) expect(stored).not.toContain(address);
    for (const item of Items) {
      expect(item.SK).toMatch(/^(STAFF|CLIENT#[A-Za-z0-9_-]{22}|SESSION#[0-9A-Z]{26})$/);
      expect(item.expiresAt).toBeGreaterThan(item.tat / 1000);
    }
  });
});
