/**
 * Who may see and change an authority's connection to its own identity provider: only that
 * authority's tenant admin. Every other role and the platform operator get 403; another
 * authority's admin reads, changes and disconnects only their own (404 when they have none),
 * and no refusal changes Northvale's connection. The discovery route is public and tells only
 * how an address signs in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';
import { COUNCIL_DOMAIN, northvaleConnection } from '../support/council-sign-in.ts';
import { OPERATOR_EMAIL, ROLES, expectJson, expectProblem, jsonInit, nv, sm } from '../api/api-client.ts';

let stack: TestStack;
let northvale: { version: number; providerName: string };
beforeAll(async () => {
  stack = await startStack();
  northvale = await expectJson(await stack.api(nv('admin'), '/v1/identity-provider', jsonInit('PUT', northvaleConnection(stack))), 201);
});
afterAll(async () => {
  await stack?.stop();
});

const PATH = '/v1/identity-provider';

/** Northvale's connection is exactly as its admin made it. */
async function northvaleUnchanged(): Promise<void> {
  const connection = await expectJson<{ version: number; domains: string[]; groupMappings: unknown[] }>(await stack.api(nv('admin'), PATH));
  expect(connection).toMatchObject({ version: northvale.version, domains: [COUNCIL_DOMAIN] });
  expect(connection.groupMappings).toHaveLength(2);
}

describe('the identity provider connection', () => {
  const refused = [...ROLES.filter((r) => r !== 'admin').map(nv), OPERATOR_EMAIL];
  it.each(refused)('is refused to %s with 403, changing nothing', async (email) => {
    await expectProblem(await stack.api(email, PATH), 403);
    await expectProblem(await stack.api(email, PATH, jsonInit('PUT', northvaleConnection(stack, { groupMappings: [] }), { 'if-match': `"${northvale.version}"` })), 403);
    await expectProblem(await stack.api(email, PATH, { method: 'DELETE', headers: { 'if-match': `"${northvale.version}"` } }), 403);
    await northvaleUnchanged();
  });

  it('is the caller’s own authority’s only: Southmoor’s admin finds none and cannot take or remove Northvale’s', async () => {
    await expectProblem(await stack.api(sm('admin'), PATH), 404);
    await expectProblem(await stack.api(sm('admin'), PATH, { method: 'DELETE', headers: { 'if-match': `"${northvale.version}"` } }), 404);
    // Claiming Northvale's domain is a conflict that names no tenant, and writes nothing for Southmoor.
    const problem = await expectProblem(await stack.api(sm('admin'), PATH, jsonInit('PUT', northvaleConnection(stack))), 409);
    expect(JSON.stringify(problem)).not.toMatch(/northvale council|tenantId/i);
    await expectProblem(await stack.api(sm('admin'), PATH), 404);
    await northvaleUnchanged();
  });

  it('tells an unsigned caller only how an address signs in', async () => {
    const route = await expectJson(await stack.api(null, '/v1/sign-in/discovery', jsonInit('POST', { email: `anyone@${COUNCIL_DOMAIN}` })));
    expect(route).toEqual({ method: 'federated', providerName: northvale.providerName });
    await expectProblem(await stack.api(null, PATH), 401);
  });
});
