/**
 * What the read benches (`bench:reads`, `bench:profile`) start from: a stack of their own
 * without the portal, the first demo authority's QA officer signed in, a document client to the
 * same database, one of its cases and one of its completed audits.
 */
import { createDocumentClient } from '@waypoint/functions/platform/database/clients';
import { DEMO_TENANTS } from '@waypoint/functions/local/seed/demo-data';
import { startStack } from '../support/stack.ts';

export async function startReadFixture() {
  const stack = await startStack();
  try {
    const tenant = DEMO_TENANTS[0]!;
    const token = await stack.tokenFor(`qa@${tenant.slug}.example`);
    const db = createDocumentClient({ endpoint: stack.databaseEndpoint, region: 'eu-west-2' });
    const caseRef = `${tenant.prefix}-00001`;
    const response = await fetch(`${stack.apiUrl}/v1/audits?state=completed&limit=1`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`the completed audits answered ${response.status}`);
    const auditId = ((await response.json()) as { items: { id: string }[] }).items[0]!.id;
    return { stack, tenant, token, db, caseRef, auditId };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
