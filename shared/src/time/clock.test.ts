import { afterEach, describe, expect, it } from 'vitest';
import { clock, londonMonth } from './clock.ts';

afterEach(() => clock.set(undefined));

describe('clock', () => {
  it('can be set by tests and restored', () => {
    clock.set(new Date('2026-03-01T10:00:00Z'));
    expect(clock.nowIso()).toBe('2026-03-01T10:00:00.000Z');
    clock.set(undefined);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('names months as they are in London, across the summer-time boundary', () => {
    // 23:30 UTC on 31 July is 00:30 on 1 August in London (BST).
    expect(londonMonth(new Date('2026-07-31T23:30:00Z'))).toBe('2026-08');
    // In winter London is on UTC.
    expect(londonMonth(new Date('2026-01-31T23:30:00Z'))).toBe('2026-01');
  });
});
