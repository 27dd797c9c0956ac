import { describe, expect, it } from 'vitest';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { createUserCache } from './current-user-cache.ts';

const tenant = (tenantId: string) => ({ tenantId }) as TenantContext;
const person = (id: string, role: User['role']) => ({ id, role, status: 'active' }) as User;

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
});
