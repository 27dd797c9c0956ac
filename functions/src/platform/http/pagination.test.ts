import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { decodeCursor, encodeCursor } from './pagination.ts';

const ROOT = 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801';
const OTHER = 'TENANT#2b9e4d17-8a3f-4c6b-b1d0-736f75746802';

describe('list cursors', () => {
  it('round-trips a position inside the caller’s tenant', () => {
    const cursor = { part: 1, key: { PK: `${ROOT}#CASE#NV-1`, SK: 'PROFILE', GSI1PK: `${ROOT}#CASES`, GSI1SK: 'TEAM#a#CASE#NV-1' } };
    expect(decodeCursor(encodeCursor(cursor)!, ROOT)).toEqual(cursor);
  });

  it('refuses a cursor forged to start in another tenant', () => {
    const forged = encodeCursor({ key: { PK: `${OTHER}#CASE#SM-1`, SK: 'PROFILE' } })!;
    expect(() => decodeCursor(forged, ROOT)).toThrow(ApiError);
  });

  it('refuses a tenant whose id merely starts with the caller’s', () => {
    const forged = encodeCursor({ key: { PK: `${ROOT}0#CASE#X`, SK: 'PROFILE' } })!;
    expect(() => decodeCursor(forged, ROOT)).toThrow(ApiError);
  });

  it('refuses garbage with a validation problem', () => {
    expect(() => decodeCursor('not-a-cursor!!', ROOT)).toThrow(/cursor/);
  });
});
