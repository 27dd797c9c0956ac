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
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    expect(unseal(flipped, { secret, purpose: 'session' })).toBeUndefined();
  });

  it('refuses a value sealed with another secret', () => {
    const sealed = seal({ a: 1 }, { secret, purpose: 'session' });
    expect(unseal(sealed, { secret: `${secret}-other`, purpose: 'session' })).toBeUndefined();
  });
});
