import { describe, expect, it } from 'vitest';
import { CookieJar } from './cookie-jar.ts';

function responseSetting(...cookies: string[]): Response {
  const headers = new Headers();
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response(null, { headers });
}

describe('the sign-in cookie jar', () => {
  it('sends a cookie only to paths under the one it was set for', () => {
    const jar = new CookieJar();
    jar.store('http://localhost/auth', responseSetting('_interaction=abc; path=/interaction/abc; samesite=lax; httponly'));
    expect(jar.headerFor('http://localhost/interaction/abc')).toBe('_interaction=abc');
    expect(jar.headerFor('http://localhost/interaction/abcdef')).toBeUndefined();
    expect(jar.headerFor('http://localhost/auth/abc')).toBeUndefined();
  });

  it('sends every cookie that applies, joined', () => {
    const jar = new CookieJar();
    jar.store('http://localhost/', responseSetting('a=1; path=/', 'b=2; path=/auth'));
    expect(jar.headerFor('http://localhost/auth/x')).toBe('a=1; b=2');
  });

  it('forgets a cookie the server expires', () => {
    const jar = new CookieJar();
    jar.store('http://localhost/', responseSetting('a=1; path=/'));
    jar.store('http://localhost/', responseSetting('a=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT'));
    expect(jar.headerFor('http://localhost/')).toBeUndefined();
  });
});
