/**
 * The council's own sign-in through the API: a Northvale admin connects the stand-in for its
 * Entra ID and maps two groups; people then sign in through it for real and become users just
 * in time, with the mapped role and team or awaiting approval. Bad connections change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';
import { findCouncilPerson } from '@waypoint/functions/local/council-identity/council-directory';
import { COUNCIL_DOMAIN, COUNCIL_GROUPS, councilToken, northvaleConnection } from '../support/council-sign-in.ts';
import { expectJson, expectProblem, jsonInit, nv, sm } from './api-client.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

interface Connection {
  providerName: string;
  clientSecretSet: boolean;
  domains: string[];
  version: number;
}

const connect = (email: string, body: unknown, headers: Record<string, string> = {}) => stack.api(email, '/v1/identity-provider', jsonInit('PUT', body, headers));
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('connecting the council’s provider', () => {
  it('refuses an issuer that cannot be reached, with the reason, and connects nothing', async () => {
    const problem = await expectProblem(await connect(nv('admin'), northvaleConnection(stack, { issuer: 'http://127.0.0.1:9/nowhere' })), 400);
    expect(problem).toMatchObject({ reason: 'provider-unreachable' });
    expect(problem.errors?.[0]).toMatchObject({ path: 'issuer' });
    await expectProblem(await stack.api(nv('admin'), '/v1/identity-provider'), 404);
    expect(await expectJson(await stack.api(null, '/v1/sign-in/discovery', jsonInit('POST', { email: `ada.nwosu@${COUNCIL_DOMAIN}` })))).toEqual({ method: 'password' });
  });

  it('refuses SAML metadata that describes no identity provider', async () => {
    const problem = await expectProblem(await connect(nv('admin'), { kind: 'saml', metadataXml: '<EntityDescriptor><SPSSODescriptor/></EntityDescriptor>', domains: [COUNCIL_DOMAIN], groupMappings: [] }), 400);
    expect(problem).toMatchObject({ reason: 'bad-metadata' });
  });

  it('refuses a group mapped to a role Waypoint does not have, or to a closed or unknown team', async () => {
    const badRole = northvaleConnection(stack, { groupMappings: [{ groupId: 'g1', role: 'director', teamIds: [] }] });
    const roleProblem = await expectProblem(await connect(nv('admin'), badRole), 400);
    expect(roleProblem.errors?.[0]).toMatchObject({ path: 'groupMappings.0.role' });
    expect(roleProblem.errors?.[0]?.message).toContain('“director” is not a Waypoint role');
    await expectJson(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { id: 'closing-team', name: 'Closing' })), 201);
    await expectJson(await stack.api(nv('admin'), '/v1/teams/closing-team', jsonInit('PATCH', { status: 'closed' }, { 'if-match': '"1"' })));
    const closed = northvaleConnection(stack, { groupMappings: [{ groupId: 'g1', role: 'manager', teamIds: ['closing-team', 'no-such-team'] }] });
    const teamProblem = await expectProblem(await connect(nv('admin'), closed), 400);
    expect(teamProblem.errors?.map((e) => [e.path, e.message])).toEqual([
      ['groupMappings.0.teamIds.0', 'Group g1 is mapped to Closing, which is closed'],
      ['groupMappings.0.teamIds.1', 'Group g1 is mapped to a team that does not exist'],
    ]);
    await expectProblem(await stack.api(nv('admin'), '/v1/identity-provider'), 404);
  });

  it('connects, never returns the secret, and routes the domain to the provider', async () => {
    const response = await connect(nv('admin'), northvaleConnection(stack));
    const connection = await expectJson<Connection & Record<string, unknown>>(response, 201);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(connection).toMatchObject({ kind: 'oidc', clientSecretSet: true, domains: [COUNCIL_DOMAIN] });
    expect(JSON.stringify(connection)).not.toContain(stack.council.clientSecret);
    const read = await expectJson<Connection>(await stack.api(nv('admin'), '/v1/identity-provider'));
    expect(JSON.stringify(read)).not.toContain(stack.council.clientSecret);
    expect(await expectJson(await stack.api(null, '/v1/sign-in/discovery', jsonInit('POST', { email: `Sam.Okafor@${COUNCIL_DOMAIN.toUpperCase()}` })))).toEqual({ method: 'federated', providerName: connection.providerName });
    expect(await expectJson(await stack.api(null, '/v1/sign-in/discovery', jsonInit('POST', { email: nv('manager') })))).toEqual({ method: 'password' });
  });

  it('needs If-Match to change the connection, keeps the secret when none is sent, and refuses a stale version', async () => {
    const { clientSecret: _secret, ...withoutSecret } = northvaleConnection(stack);
    await expectProblem(await connect(nv('admin'), withoutSecret), 428);
    await expectProblem(await connect(nv('admin'), withoutSecret, { 'if-match': '"7"' }), 412);
    const kept = await expectJson<Connection>(await connect(nv('admin'), withoutSecret, { 'if-match': '"1"' }));
    expect(kept).toMatchObject({ clientSecretSet: true, version: 1 });
  });

  it('refuses a domain another authority has connected with 409', async () => {
    const problem = await expectProblem(await connect(sm('admin'), northvaleConnection(stack)), 409);
    expect(problem).toMatchObject({ reason: 'domain-claimed' });
    await expectProblem(await stack.api(sm('admin'), '/v1/identity-provider'), 404);
  });
});

describe('signing in through the council’s provider', () => {
  let providerName: string;
  beforeAll(async () => {
    providerName = (await expectJson<Connection>(await stack.api(nv('admin'), '/v1/identity-provider'))).providerName;
  });

  it('makes a person in a mapped group a user with the mapped role and team, in Northvale', async () => {
    const token = await councilToken(stack, `ada.nwosu@${COUNCIL_DOMAIN}`, providerName);
    const me = await expectJson(await fetch(`${stack.apiUrl}/v1/me`, bearer(token)));
    expect(me).toMatchObject({ role: 'manager', teams: [expect.objectContaining({ id: 'child-in-need' })], tenant: expect.objectContaining({ name: 'Northvale Council' }) });
    const users = await expectJson<{ items: { id: string; role: string; teamIds: string[]; status: string }[] }>(await stack.api(nv('admin'), '/v1/users?q=nwosu'));
    expect(users.items).toEqual([expect.objectContaining({ role: 'manager', teamIds: ['child-in-need'], status: 'active' })]);
    expect((await fetch(`${stack.apiUrl}/v1/cases`, bearer(token))).status).toBe(200);
  });

  it('records someone in no mapped group as awaiting approval, with no data access until approved', async () => {
    const token = await councilToken(stack, `lee.marsh@${COUNCIL_DOMAIN}`, providerName);
    const problem = await expectProblem(await fetch(`${stack.apiUrl}/v1/cases`, bearer(token)), 403);
    expect(problem).toMatchObject({ reason: 'awaiting-approval' });
    const waiting = await expectJson<{ items: { id: string; version: number }[] }>(await stack.api(nv('admin'), '/v1/users?status=awaiting-approval'));
    expect(waiting.items).toHaveLength(1);
    const lee = waiting.items[0]!;
    await expectJson(await stack.api(nv('admin'), `/v1/users/${lee.id}`, jsonInit('PATCH', { active: true, role: 'qa' }, { 'if-match': `"${lee.version}"` })));
    expect((await fetch(`${stack.apiUrl}/v1/cases`, bearer(token))).status).toBe(200);
  });

  it('applies a changed mapping at the next sign-in, and a deactivated person gets 401 and cannot sign in again', async () => {
    const first = await councilToken(stack, `jo.pryce@${COUNCIL_DOMAIN}`, providerName);
    expect(await expectJson(await fetch(`${stack.apiUrl}/v1/me`, bearer(first)))).toMatchObject({ role: 'practitioner' });
    const remapped = northvaleConnection(stack, { groupMappings: [{ groupId: northvaleConnection(stack).groupMappings[1]!.groupId, role: 'senior', teamIds: [] }] });
    await expectJson(await connect(nv('admin'), remapped, { 'if-match': '"1"' }));
    const second = await councilToken(stack, `jo.pryce@${COUNCIL_DOMAIN}`, providerName);
    expect(await expectJson(await fetch(`${stack.apiUrl}/v1/me`, bearer(second)))).toMatchObject({ role: 'senior' });

    const jo = (await expectJson<{ items: { id: string; version: number }[] }>(await stack.api(nv('admin'), '/v1/users?q=pryce'))).items[0]!;
    await expectJson(await stack.api(nv('admin'), `/v1/users/${jo.id}`, jsonInit('PATCH', { active: false }, { 'if-match': `"${jo.version}"` })));
    expect(await expectProblem(await fetch(`${stack.apiUrl}/v1/cases`, bearer(second)), 401)).toMatchObject({ type: expect.stringContaining('session-revoked') });
    await expect(councilToken(stack, `jo.pryce@${COUNCIL_DOMAIN}`, providerName)).rejects.toThrow(/switched off/);
  });
});

describe('changes in the council’s groups, and disconnecting', () => {
  let providerName: string;
  beforeAll(async () => {
    providerName = (await expectJson<Connection>(await stack.api(nv('admin'), '/v1/identity-provider'))).providerName;
  });

  it('gives a person moved to another mapped group that group’s role and team at their next sign-in', async () => {
    // Ada leads a team today; then the council moves her to the social workers' group.
    const ada = findCouncilPerson({ email: `ada.nwosu@${COUNCIL_DOMAIN}` })!;
    const groupsBefore = [...ada.groups];
    const connection = await expectJson<Connection>(await stack.api(nv('admin'), '/v1/identity-provider'));
    const { clientSecret: _secret, ...settings } = northvaleConnection(stack);
    await expectJson(await connect(nv('admin'), settings, { 'if-match': `"${connection.version}"` }));
    expect(await expectJson(await fetch(`${stack.apiUrl}/v1/me`, bearer(await councilToken(stack, ada.email, providerName))))).toMatchObject({ role: 'manager', teams: [expect.objectContaining({ id: 'child-in-need' })] });
    try {
      ada.groups.splice(0, ada.groups.length, COUNCIL_GROUPS.practitioners.id);
      const moved = await councilToken(stack, ada.email, providerName);
      expect(await expectJson(await fetch(`${stack.apiUrl}/v1/me`, bearer(moved)))).toMatchObject({ role: 'practitioner', teams: [expect.objectContaining({ id: 'child-in-need' })] });
    } finally {
      ada.groups.splice(0, ada.groups.length, ...groupsBefore);
    }
  });

  it('sends someone the council took out of every mapped group back to awaiting approval, but keeps an admin’s choice', async () => {
    const rhian = findCouncilPerson({ email: `rhian.price@${COUNCIL_DOMAIN}` })!;
    const groupsBefore = [...rhian.groups];
    const asRhian = async () => bearer(await councilToken(stack, rhian.email, providerName));
    expect(await expectJson(await fetch(`${stack.apiUrl}/v1/me`, await asRhian()))).toMatchObject({ role: 'practitioner' });
    try {
      rhian.groups.splice(0, rhian.groups.length, COUNCIL_GROUPS.allStaff.id);
      expect(await expectProblem(await fetch(`${stack.apiUrl}/v1/cases`, await asRhian()), 403)).toMatchObject({ reason: 'awaiting-approval' });
      const waiting = (await expectJson<{ items: { id: string; version: number; teamIds: string[] }[] }>(await stack.api(nv('admin'), '/v1/users?q=rhian'))).items[0]!;
      expect(waiting).toMatchObject({ status: 'awaiting-approval', teamIds: [] });
      // The admin approves her as a QA officer: that is the admin's choice, which a sign-in in no mapped group leaves alone.
      await expectJson(await stack.api(nv('admin'), `/v1/users/${waiting.id}`, jsonInit('PATCH', { role: 'qa', active: true }, { 'if-match': `"${waiting.version}"` })));
      expect(await expectJson(await fetch(`${stack.apiUrl}/v1/me`, await asRhian()))).toMatchObject({ role: 'qa' });
    } finally {
      rhian.groups.splice(0, rhian.groups.length, ...groupsBefore);
    }
  });

  it('disconnects only with the version read, lets the domains go, and stops sign-in through the provider', async () => {
    const connection = await expectJson<Connection>(await stack.api(nv('admin'), '/v1/identity-provider'));
    await expectProblem(await stack.api(nv('admin'), '/v1/identity-provider', { method: 'DELETE' }), 428);
    await expectProblem(await stack.api(nv('admin'), '/v1/identity-provider', { method: 'DELETE', headers: { 'if-match': `"${connection.version + 1}"` } }), 412);
    await expectProblem(await stack.api(nv('manager'), '/v1/identity-provider', { method: 'DELETE', headers: { 'if-match': `"${connection.version}"` } }), 403);
    expect(await expectJson(await stack.api(nv('admin'), '/v1/identity-provider', { method: 'DELETE', headers: { 'if-match': `"${connection.version}"` } }))).toEqual({ connected: false, releasedDomains: [COUNCIL_DOMAIN] });
    await expectProblem(await stack.api(nv('admin'), '/v1/identity-provider'), 404);
    expect(await expectJson(await stack.api(null, '/v1/sign-in/discovery', jsonInit('POST', { email: `ada.nwosu@${COUNCIL_DOMAIN}` })))).toEqual({ method: 'password' });
    await expect(councilToken(stack, `ada.nwosu@${COUNCIL_DOMAIN}`, providerName)).rejects.toThrow();
    // Another authority may now connect the domain.
    const southmoor = await connect(sm('admin'), northvaleConnection(stack, { groupMappings: [] }));
    expect(southmoor.status).toBe(201);
  });
});
