import { describe, expect, it } from 'vitest';
import { decodeTime } from 'ulid';
import { newResponseId } from './response-ids.ts';

describe('response ids', () => {
  it('are 26 characters of the id alphabet and never repeat', () => {
    const ids = Array.from({ length: 2000 }, newResponseId);
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carry no time: ids made a moment apart do not sort in the order they were made', () => {
    const ids = Array.from({ length: 200 }, newResponseId);
    expect([...ids].sort()).not.toEqual(ids);
    // Read as a time-ordered id, one made now names a time nowhere near now (or none at all).
    const now = Date.now();
    const near = ids.filter((id) => {
      try {
        return Math.abs(decodeTime(id) - now) < 365 * 24 * 3600 * 1000;
      } catch {
        return false;
      }
    });
    expect(near.length).toBeLessThan(5);
  });
});
