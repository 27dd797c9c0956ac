import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to.ts';

describe('return address after sign-in', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeReturnTo('/cases?team=assessment')).toBe('/cases?team=assessment');
  });

  it.each(['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', '', null])('refuses %j and goes home instead', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it('does not return to the sign-in pages', () => {
    expect(safeReturnTo('/signin?returnTo=/x')).toBe('/');
    expect(safeReturnTo('/auth/callback?code=1')).toBe('/');
    expect(safeReturnTo('/signout')).toBe('/');
  });

  it('keeps a page whose name only starts like a sign-in page', () => {
    expect(safeReturnTo('/signing-guide')).toBe('/signing-guide');
  });
});
