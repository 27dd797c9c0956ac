/** Many people saving the same case at once: one change wins, the rest are told, nothing is lost or doubled. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
const manager = 'manager@northvale.example';
const qa = 'qa@northvale.example';

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

describe('concurrent conflicting edits', () => {
  it('lets exactly one of ten simultaneous PATCHes on the same version win', async () => {
    const read = await stack.api(manager, '/v1/cases/NV-00007');
    const etag = read.headers.get('etag')!;
    const before = (await read.json()) as { version: number };
    const labels = Array.from({ length: 10 }, (_, i) => `edit ${i}`);
    const responses = await Promise.all(labels.map((label) => stack.api(manager, '/v1/cases/NV-00007', { method: 'PATCH', headers: { 'if-match': etag }, body: JSON.stringify({ label }) })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(9);

    const winner = labels[responses.findIndex((r) => r.status === 200)];
    const after = (await (await stack.api(manager, '/v1/cases/NV-00007')).json()) as { version: number; label: string };
    expect(after.version).toBe(before.version + 1);
    expect(after.label).toBe(winner);

    const activity = (await (await stack.api(qa, '/v1/activity?limit=100')).json()) as { items: { entityId: string; versionAfter: number }[] };
    expect(activity.items.filter((e) => e.entityId === 'NV-00007' && e.versionAfter === before.version + 1)).toHaveLength(1);
  });

  it('creates one case when the same idempotent POST is retried concurrently and after', async () => {
    const body = JSON.stringify({ ref: 'NV-80001', teamId: 'child-in-need', caseType: 'child-in-need' });
    const send = () => stack.api(manager, '/v1/cases', { method: 'POST', headers: { 'idempotency-key': 'retry-key-0001' }, body });
    const first = await Promise.all([send(), send(), send()]);
    const statuses = first.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const list = (await (await stack.api(manager, '/v1/cases?limit=100')).json()) as { items: { ref: string }[] };
    expect(list.items.filter((c) => c.ref === 'NV-80001')).toHaveLength(1);
  });
});
