/**
 * A PATCH that changes nothing writes nothing: settings, cases, teams, users and engagement
 * activities answer with the item and ETag as they were, and the activity log gains no entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, jsonInit, nv, readVersioned } from './api-client.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

interface Versioned {
  version: number;
  [name: string]: unknown;
}

async function activityEntries(): Promise<string[]> {
  const { items } = await expectJson<{ items: { id: string }[] }>(await stack.api(nv('qa'), '/v1/activity?limit=100'));
  return items.map((e) => e.id);
}

/** PATCHes `body` twice with the ETag it read: the first may change the item, the second must not. */
async function patchTwice(email: string, path: string, body: Record<string, unknown>): Promise<void> {
  const { etag } = await readVersioned<Versioned>(stack, email, path);
  const first = await stack.api(email, path, jsonInit('PATCH', body, { 'if-match': etag }));
  const changed = await expectJson<Versioned>(first);
  const etagAfterChange = first.headers.get('etag')!;
  const logged = await activityEntries();

  const again = await stack.api(email, path, jsonInit('PATCH', body, { 'if-match': etagAfterChange }));
  const unchanged = await expectJson<Versioned>(again);
  expect(again.headers.get('etag'), path).toBe(etagAfterChange);
  expect(unchanged.version, path).toBe(changed.version);
  expect(unchanged, path).toEqual(changed);
  expect(await activityEntries(), path).toEqual(logged);
  const { body: read, etag: readEtag } = await readVersioned<Versioned>(stack, email, path);
  expect(readEtag, path).toBe(etagAfterChange);
  expect(read.version, path).toBe(changed.version);
}

describe('a PATCH that changes nothing', () => {
  it('keeps the settings’ version and ETag and logs nothing', async () => {
    const { body, etag } = await readVersioned<Versioned>(stack, nv('admin'), '/v1/settings');
    const before = await activityEntries();
    // Saving the settings form untouched sends every setting as it is.
    const { version: _version, ...everySetting } = body;
    const response = await stack.api(nv('admin'), '/v1/settings', jsonInit('PATCH', everySetting, { 'if-match': etag }));
    const saved = await expectJson<Versioned>(response);
    expect(response.headers.get('etag')).toBe(etag);
    expect(saved).toEqual(body);
    expect(await activityEntries()).toEqual(before);
  });

  it('still needs a current If-Match: a stale one is 412 even when nothing would change', async () => {
    const { body, etag } = await readVersioned<Versioned>(stack, nv('admin'), '/v1/settings');
    await patchTwice(nv('admin'), '/v1/settings', { dutyPhone: '0300 123 4567' });
    const stale = await stack.api(nv('admin'), '/v1/settings', jsonInit('PATCH', { name: body.name }, { 'if-match': etag }));
    expect(stale.status).toBe(412);
  });

  it('changes a case, a team, a user and an activity once, then leaves them alone', async () => {
    await patchTwice(nv('qa'), '/v1/cases/NV-00030', { label: 'Reviewed in December', status: 'open' });
    await patchTwice(nv('admin'), '/v1/teams/assessment', { name: 'Assessment Team' });
    await patchTwice(nv('admin'), '/v1/users/nv-sw-03', { teamIds: ['assessment', 'early-help'] });
    const { items } = await expectJson<{ items: { id: string }[] }>(await stack.api(nv('qa'), '/v1/engagement/activities'));
    await patchTwice(nv('qa'), `/v1/engagement/activities/${items[0]!.id}`, { title: 'What you think of our service', translations: {} });
  });
});
