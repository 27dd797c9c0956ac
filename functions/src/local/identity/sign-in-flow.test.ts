import { describe, expect, it } from 'vitest';
import { IdentityProviderUnreachableError, fetchAccessToken } from './sign-in-flow.ts';
import { unusedPort } from './test-identity.ts';

describe('the scripted sign-in', () => {
  it('says the provider cannot be reached, naming it, rather than failing obscurely', async () => {
    const issuer = `http://127.0.0.1:${await unusedPort()}`;
    const attempt = fetchAccessToken({ issuer, email: 'a@example.org', password: 'x' });
    await expect(attempt).rejects.toBeInstanceOf(IdentityProviderUnreachableError);
    await expect(attempt).rejects.toThrow(`Cannot reach the identity provider at ${issuer} (ECONNREFUSED). Is it running?`);
  });
});
