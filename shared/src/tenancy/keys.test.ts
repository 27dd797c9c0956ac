import { describe, expect, it } from 'vitest';
import { platformKeys, tenantKeys, UnsafeKeyPartError } from './keys.ts';

const A = '7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801';

describe('tenantKeys', () => {
  it('starts every table and index key with the tenant', () => {
    const k = tenantKeys(A);
    const keys = [k.profile().PK, k.user('u1').PK, k.case('NV-1').PK, k.activity('2026-01-01T00:00:00Z', 'case', 'NV-1', 2).PK, k.outboxPartition(), k.idempotencyPartition(), ...Object.values(k.caseIndexEntries({ ref: 'NV-1', teamId: 't', holderId: 'h', studentId: 's' })).filter((_, i) => i % 2 === 0)];
    for (const key of keys) expect(key === `TENANT#${A}` || key.startsWith(`TENANT#${A}#`)).toBe(true);
  });

  it('rejects ids containing the separator', () => {
    const k = tenantKeys(A);
    expect(() => k.case('NV#1')).toThrow(UnsafeKeyPartError);
    expect(() => k.user('a#b')).toThrow(UnsafeKeyPartError);
    expect(() => k.team('')).toThrow(UnsafeKeyPartError);
  });

  it('rejects a tenant id that is not a UUID', () => {
    expect(() => tenantKeys('northvale')).toThrow(UnsafeKeyPartError);
    expect(() => tenantKeys(`${A}#CASE#X`)).toThrow(UnsafeKeyPartError);
  });

  it('orders activity entries by time and pads versions so they sort', () => {
    const k = tenantKeys(A);
    expect(k.activity('2026-01-01T00:00:00.000Z', 'case', 'NV-1', 9).SK < k.activity('2026-01-01T00:00:00.000Z', 'case', 'NV-1', 10).SK).toBe(true);
  });
});

describe('platformKeys', () => {
  it('keeps platform items out of every tenant partition', () => {
    expect(platformKeys.tenant(A).PK.startsWith('PLATFORM#')).toBe(true);
    expect(platformKeys.slug('northvale').PK).toBe('PLATFORM#SLUG#northvale');
    expect(platformKeys.account('Manager@Northvale.example').PK).toBe('PLATFORM#ACCOUNT#manager@northvale.example');
  });
});
