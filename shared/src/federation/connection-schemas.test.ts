import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ConnectProviderBody, emailDomainOf, isAcceptableProviderUrl, mappedAccess, providerNameFor } from './connection-schemas.ts';

const mappings = [
  { groupId: 'G-Managers', role: 'manager' as const, teamIds: ['east'] },
  { groupId: 'g-workers', role: 'practitioner' as const, teamIds: ['west', 'east'] },
];

describe('what a person’s groups give them', () => {
  it('is the widest role among their mapped groups and every team those groups name, matching ids in any case', () => {
    expect(mappedAccess(mappings, ['g-managers', 'G-WORKERS', 'unmapped'])).toEqual({ role: 'manager', teamIds: ['east', 'west'] });
    expect(mappedAccess(mappings, ['g-workers'])).toEqual({ role: 'practitioner', teamIds: ['west', 'east'] });
  });

  it('is nothing when none of their groups is mapped', () => {
    expect(mappedAccess(mappings, ['all-staff'])).toBeUndefined();
    expect(mappedAccess([], ['g-managers'])).toBeUndefined();
  });
});

describe('the connect body', () => {
  const oidc = { kind: 'oidc', issuer: 'https://login.microsoftonline.com/tid/v2.0', clientId: 'abc', clientSecret: 's', domains: ['@Northvale.gov.uk'], groupMappings: [] };

  it('takes a domain with or without its @, in lower case', () => {
    expect(v.parse(ConnectProviderBody, oidc).domains).toEqual(['northvale.gov.uk']);
  });

  it('refuses a domain given twice, a group mapped twice, and SAML with both or neither metadata', () => {
    expect(v.safeParse(ConnectProviderBody, { ...oidc, domains: ['a.gov.uk', 'A.gov.uk'] }).success).toBe(false);
    expect(v.safeParse(ConnectProviderBody, { ...oidc, groupMappings: [mappings[0], { ...mappings[0], groupId: 'g-managers' }] }).success).toBe(false);
    const saml = { kind: 'saml', domains: ['a.gov.uk'], groupMappings: [] };
    expect(v.safeParse(ConnectProviderBody, saml).success).toBe(false);
    expect(v.safeParse(ConnectProviderBody, { ...saml, metadataUrl: 'https://x.example/m', metadataXml: '<x/>' }).success).toBe(false);
    expect(v.safeParse(ConnectProviderBody, { ...saml, metadataUrl: 'https://x.example/m' }).success).toBe(true);
  });

  it('takes provider addresses over https, or plain http on this machine only', () => {
    expect(isAcceptableProviderUrl('https://login.microsoftonline.com/t/v2.0')).toBe(true);
    expect(isAcceptableProviderUrl('http://localhost:3200')).toBe(true);
    expect(isAcceptableProviderUrl('http://idp.example')).toBe(false);
    expect(isAcceptableProviderUrl('https://user:pw@idp.example')).toBe(false);
    expect(isAcceptableProviderUrl('javascript:alert(1)')).toBe(false);
  });
});

describe('names', () => {
  it('finds an address’s domain, lower-case, or none', () => {
    expect(emailDomainOf('Jo.Pryce@Staff.Northvale.Example')).toBe('staff.northvale.example');
    expect(emailDomainOf('no-at-sign')).toBeUndefined();
    expect(emailDomainOf('@northvale.gov.uk')).toBeUndefined();
  });

  it('gives each tenant a provider name within Cognito’s 32 characters', () => {
    const name = providerNameFor('7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801');
    expect(name.length).toBeLessThanOrEqual(32);
    expect(name).toBe(providerNameFor('7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801'));
    expect(name).not.toBe(providerNameFor('2b9e4d17-8a3f-4c6b-b1d0-736f75746802'));
  });
});
