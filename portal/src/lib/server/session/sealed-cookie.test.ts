import { describe, expect, it } from 'vitest';
import { seal, unseal } from './sealed-cookie.ts';

const secret = 'a-test-secret-that-is-long-enough-0123456789';

describe('sealed cookies', () => {
  it('round-trips a value sealed for the same purpose', () => {
    const sealed = seal({ a: 1 }, { secret, purpose: 'session' });
    expect(unseal(sealed, { secret, purpose: 'session' })).toEqual({ a: 1 });
  });

  it('refuses a value sealed for another purpose', () => {
    const sealed = seal({ a: 1 }, { secret, purpose: 'login' });
    expect(unseal(sealed, { secret, purpose: 'session' })).toBeUndefined();
  });

  it('refuses a tampered value', () => {
    const sealed = seal({ role: 'student' }, { secret, purpose: 'session' });
    // The second character from the end is always changed (the last may carry only padding bits).
    const at = sealed.length - 2;
    const flipped = sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1);
    expect(flipped).not.toBe(sealed);
    expect(unseal(flipped, { secret, purpose: 'session' })).toBeUndefined();
  });

  it('refuses a value sealed with another secret', () => {
    const sealed = seal({ a: 1 }, { secret, purpose: 'session' });
    expect(unseal(sealed, { secret: `${secret}-other`, purpose: 'session' })).toBeUndefined();
  });
});
