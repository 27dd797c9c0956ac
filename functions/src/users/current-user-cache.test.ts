import { describe, expect, it } from 'vitest';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { createUserCache } from './current-user-cache.ts';

const tenant = (tenantId: string) => ({ tenantId }) as TenantContext;
const person = (id: string, role: User['role'], name = `Person ${id}`) => ({ id, role, name, status: 'active' }) as User;

function setUp() {
  let now = 1_000_000;
  const records = new Map<string, User>([
    ['A u1', person('u1', 'manager')],
    ['B u1', person('u1', 'qa')],
  ]);
  const reads: string[] = [];
  const cache = createUserCache({
    now: () => now,
    load: async (t, userId) => {
      reads.push(`${t.tenantId} ${userId}`);
      return records.get(`${t.tenantId} ${userId}`);
    },
    loadMany: async (t, userIds) => {
      reads.push(`${t.tenantId} ${userIds.join(',')}`);
      return userIds.flatMap((id) => records.get(`${t.tenantId} ${id}`) ?? []);
    },
  });
  return { cache, records, reads, advance: (ms: number) => (now += ms) };
}

describe('the current-user cache', () => {
  it('reads a person once, then answers from memory for just under a minute', async () => {
    const { cache, records, reads, advance } = setUp();
    expect((await cache.read(tenant('A'), 'u1'))?.role).toBe('manager');
    records.set('A u1', person('u1', 'practitioner'));
    advance(59_999);
    expect((await cache.read(tenant('A'), 'u1'))?.role).toBe('manager');
    expect(reads).toEqual(['A u1']);
    advance(1);
    expect((await cache.read(tenant('A'), 'u1'))?.role).toBe('practitioner');
    expect(reads).toEqual(['A u1', 'A u1']);
  });

  it('keys by tenant and user, so the same id in another tenant is another person', async () => {
    const { cache } = setUp();
    expect((await cache.read(tenant('A'), 'u1'))?.role).toBe('manager');
    expect((await cache.read(tenant('B'), 'u1'))?.role).toBe('qa');
  });

  it('reads again at once after forget, and only for that tenant’s person', async () => {
    const { cache, records, reads } = setUp();
    await cache.read(tenant('A'), 'u1');
    await cache.read(tenant('B'), 'u1');
    records.set('A u1', person('u1', 'senior'));
    cache.forget('A', 'u1');
    expect((await cache.read(tenant('A'), 'u1'))?.role).toBe('senior');
    await cache.read(tenant('B'), 'u1');
    expect(reads).toEqual(['A u1', 'B u1', 'A u1']);
  });

  it('shares one read between requests that arrive together, and does not remember a failed read', async () => {
    let fail = true;
    let reads = 0;
    const cache = createUserCache({
      now: () => 0,
      load: async () => {
        reads++;
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (fail) throw new Error('database down');
        return person('u1', 'qa');
      },
      loadMany: async () => [],
    });
    const results = await Promise.allSettled([cache.read(tenant('A'), 'u1'), cache.read(tenant('A'), 'u1')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(reads).toBe(1);
    fail = false;
    expect((await cache.read(tenant('A'), 'u1'))?.role).toBe('qa');
    expect(reads).toBe(2);
  });

  it('does not trust an entry from the future (a clock set back)', async () => {
    const { cache, reads, advance } = setUp();
    await cache.read(tenant('A'), 'u1');
    advance(-5_000);
    await cache.read(tenant('A'), 'u1');
    expect(reads).toEqual(['A u1', 'A u1']);
  });

  it('names people from memory, reading only those it does not hold, in one batch, and remembering them', async () => {
    const { cache, records, reads, advance } = setUp();
    records.set('A u2', person('u2', 'practitioner', 'Sam Okafor'));
    await cache.read(tenant('A'), 'u1');
    expect(await cache.names(tenant('A'), ['u1', 'u2', 'u2', 'gone'])).toEqual(
      new Map([
        ['u1', 'Person u1'],
        ['u2', 'Sam Okafor'],
      ]),
    );
    expect(reads).toEqual(['A u1', 'A u2,gone']);
    records.set('A u2', person('u2', 'practitioner', 'Sam Okafor-Reid'));
    expect((await cache.names(tenant('A'), ['u2'])).get('u2')).toBe('Sam Okafor');
    expect(reads).toEqual(['A u1', 'A u2,gone']);
    cache.forget('A', 'u2');
    expect((await cache.names(tenant('A'), ['u2'])).get('u2')).toBe('Sam Okafor-Reid');
    advance(60_000);
    await cache.names(tenant('A'), ['u1']);
    expect(reads).toEqual(['A u1', 'A u2,gone', 'A u2', 'A u1']);
  });

  it("names another tenant's person only from that tenant's records", async () => {
    const { cache } = setUp();
    await cache.read(tenant('A'), 'u1');
    expect(await cache.names(tenant('C'), ['u1'])).toEqual(new Map());
  });
});
