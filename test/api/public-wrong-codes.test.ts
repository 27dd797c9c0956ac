/**
 * The limit on wrong invitation codes over HTTP: one client is stopped after its wrong
 * codes (a 429 with Retry-After, right codes included, until the window ends), while
 * another client and another authority carry on; the authority's own count stops everyone;
 * counters hold a keyed hash, never the address.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientAddressHeaders, DEVELOPMENT_CLIENT_ADDRESS_SECRET } from '@waypoint/shared/engagement/client-address';
import { CLIENT_ADDRESS_HEADER, guessWindow, WRONG_CODE_WINDOW_SECONDS, WRONG_CODES_PER_AUTHORITY, WRONG_CODES_PER_CLIENT } from '@waypoint/shared/engagement/code-guess-limits';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';
import { clock } from '@waypoint/shared/time/clock';
import { JOBS } from '@waypoint/functions/jobs/job-registry';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit } from './api-client.ts';
import { expectReason, NORTHVALE, nvCode, publicCall, smCode } from './engagement-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});
afterEach(() => clock.set(undefined));

/** Tries a code as the portal would for a visitor at `address`, signing the address as the portal does. */
const tryCode = (slug: string, code: string, address: string) => publicCall(stack, slug, '/sessions', jsonInit('POST', { code, lang: 'en' }, clientAddressHeaders(DEVELOPMENT_CLIENT_ADDRESS_SECRET, address)));

/** Eight characters of the code alphabet that no demo code uses. */
const wrong = (n: number) => `ZZZZ${String.fromCharCode(65 + (n % 20))}${'XYZW'[n % 4]}QQ`;

async function expectTooManyTries(response: Response): Promise<number> {
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const retryAfter = Number(response.headers.get('retry-after'));
  expectReason(await expectProblem(response, 429), 'too-many-tries');
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(WRONG_CODE_WINDOW_SECONDS);
  return retryAfter;
}

describe('wrong invitation codes', () => {
  it(`stop one client after ${WRONG_CODES_PER_CLIENT} in a window, a right code too, until the window ends; another client and another authority carry on`, async () => {
    // The middle of a window, so the test never straddles two.
    const start = (guessWindow(new Date()).index + 1) * WRONG_CODE_WINDOW_SECONDS * 1000 + 60_000;
    clock.set(new Date(start));
    for (let n = 0; n < WRONG_CODES_PER_CLIENT; n++) expectReason(await expectProblem(await tryCode('northvale', wrong(n), '198.51.100.7'), 404), 'unknown-code');

    const retryAfter = await expectTooManyTries(await tryCode('northvale', wrong(99), '198.51.100.7'));
    expect(retryAfter).toBe(WRONG_CODE_WINDOW_SECONDS - 60);
    // A right code is refused the same way: answering it differently would tell a guesser which guess was right.
    await expectTooManyTries(await tryCode('northvale', nvCode('ages-8-10'), '198.51.100.7'));

    // Someone else at the same authority, and the same client at another authority, are unaffected.
    expectReason(await expectProblem(await tryCode('northvale', wrong(1), '198.51.100.8'), 404), 'unknown-code');
    await expectJson(await tryCode('northvale', nvCode('ages-8-10'), '198.51.100.8'), 201);
    expectReason(await expectProblem(await tryCode('southmoor', wrong(1), '198.51.100.7'), 404), 'unknown-code');
    await expectJson(await tryCode('southmoor', smCode('ages-8-10'), '198.51.100.7'), 201);

    // The next window starts afresh.
    clock.set(new Date(start + WRONG_CODE_WINDOW_SECONDS * 1000));
    await expectJson(await tryCode('northvale', nvCode('ages-8-10'), '198.51.100.7'), 201);
  });

  it('count codes that cannot exist too, and sent straight to the API they count against the sending address', async () => {
    clock.set(new Date((guessWindow(new Date()).index + 3) * WRONG_CODE_WINDOW_SECONDS * 1000));
    for (let n = 0; n < WRONG_CODES_PER_CLIENT; n++) {
      const response = await publicCall(stack, 'northvale', '/sessions', jsonInit('POST', { code: `ABCD-${1000 + n}` }));
      expectReason(await expectProblem(response, 404), 'unknown-code');
    }
    await expectTooManyTries(await publicCall(stack, 'northvale', '/sessions', jsonInit('POST', { code: nvCode('ages-4-7') })));
  });

  it('believe a passed-on address only with the portal’s signature: made-up or badly signed addresses count against the sender', async () => {
    clock.set(new Date((guessWindow(new Date()).index + 4) * WRONG_CODE_WINDOW_SECONDS * 1000));
    const forged = (n: number): Record<string, string> => {
      const address = `203.0.113.${n}`;
      // Half unsigned, half signed for another address: neither may pick a fresh client.
      return n % 2 === 0 ? { [CLIENT_ADDRESS_HEADER]: address } : { ...clientAddressHeaders(DEVELOPMENT_CLIENT_ADDRESS_SECRET, '203.0.113.250'), [CLIENT_ADDRESS_HEADER]: address };
    };
    for (let n = 0; n < WRONG_CODES_PER_CLIENT; n++) expectReason(await expectProblem(await publicCall(stack, 'northvale', '/sessions', jsonInit('POST', { code: wrong(n) }, forged(n))), 404), 'unknown-code');
    await expectTooManyTries(await publicCall(stack, 'northvale', '/sessions', jsonInit('POST', { code: nvCode('ages-4-7') }, forged(100))));
    // The same made-up address, signed by the portal, is a client of its own.
    await expectJson(await tryCode('northvale', nvCode('ages-4-7'), '203.0.113.100'), 201);
  });

  it(`stop everyone at an authority once ${WRONG_CODES_PER_AUTHORITY} wrong codes were tried there in a window, and no other authority`, async () => {
    const now = new Date((guessWindow(new Date()).index + 5) * WRONG_CODE_WINDOW_SECONDS * 1000);
    clock.set(now);
    // The authority's count one short of its limit, as a thousand addresses would leave it.
    const key = tenantKeys(NORTHVALE.id).wrongCodeCounter(guessWindow(now).index);
    await stack.jobDependencies.platformClient.send(new PutCommand({ TableName: stack.tableName, Item: { ...key, wrong: WRONG_CODES_PER_AUTHORITY - 1 } }));
    expectReason(await expectProblem(await tryCode('northvale', wrong(5), '192.0.2.1'), 404), 'unknown-code');
    await expectTooManyTries(await tryCode('northvale', wrong(6), '192.0.2.2'));
    await expectTooManyTries(await tryCode('northvale', nvCode('ages-11-18'), '192.0.2.3'));
    await expectJson(await tryCode('southmoor', smCode('ages-11-18'), '192.0.2.3'), 201);
  });

  it('are counted under the authority’s own keys, naming each client by a keyed hash and never by its address, and expire', async () => {
    const { Items = [] } = await stack.jobDependencies.platformClient.send(new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': tenantKeys(NORTHVALE.id).wrongCodePartition() } }));
    expect(Items.length).toBeGreaterThan(2);
    const stored = JSON.stringify(Items);
    for (const address of ['198.51.100.7', '198.51.100.8', '192.0.2.1', '127.0.0.1', '::1']) expect(stored).not.toContain(address);
    for (const item of Items) {
      expect(item.SK).toMatch(/^WINDOW#\d+#(AUTHORITY|CLIENT#[A-Za-z0-9_-]{22})$/);
      if (item.SK.includes('CLIENT')) expect(item.expiresAt).toBeGreaterThan(Date.now() / 1000);
    }
  });

  it('are removed by the retention job a day after their window ends (DynamoDB’s TTL does it in AWS)', async () => {
    const partition = tenantKeys(NORTHVALE.id).wrongCodePartition();
    const count = async () => (await stack.jobDependencies.platformClient.send(new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': partition } }))).Items?.length ?? 0;
    const before = await count();
    expect(before).toBeGreaterThan(2);
    clock.set(new Date((guessWindow(new Date()).index + 6) * WRONG_CODE_WINDOW_SECONDS * 1000 + 25 * 3600_000));
    await JOBS.retention(stack.jobDependencies);
    expect(await count()).toBe(0);
  });
});
