/**
 * The requests the after-deploy isolation probe (isolation-probe.ts) makes with tenant A's
 * scoped credentials, and what each must get: every request that names tenant B's keys must be
 * refused by IAM (AccessDeniedException), and the controls on A's own keys must not be. Built
 * from the shared table definition, so a new index is probed too. Pure: unit-tested offline.
 */
import { tableDefinition } from '@waypoint/shared/table/table-definition';

export type ProbeCommand =
  { kind: 'GetItem'; key: Record<string, string> } | { kind: 'Query'; index?: string; partitionKey: string; value: string } | { kind: 'BatchGetItem'; keys: Record<string, string>[] } | { kind: 'BatchWriteItem'; deleteKeys: Record<string, string>[] };

export interface Probe {
  what: string;
  command: ProbeCommand;
  /** `denied`: IAM must refuse it. `allowed`: IAM must let it through (the item need not exist). */
  expect: 'denied' | 'allowed';
}

/** A key no item has: deleting it changes nothing, so the write probes leave no trace. */
const PROBE_SORT_KEY = 'ISOLATION-PROBE';

export function isolationProbes(tenantA: string, tenantB: string): Probe[] {
  const { partitionKey: pk, sortKey: sk } = tableDefinition;
  const key = (tenant: string) => ({ [pk]: `TENANT#${tenant}`, [sk]: PROBE_SORT_KEY });
  const probes: Probe[] = [
    { what: 'GetItem of its own item (control)', command: { kind: 'GetItem', key: key(tenantA) }, expect: 'allowed' },
    { what: 'GetItem of the other tenant’s item', command: { kind: 'GetItem', key: key(tenantB) }, expect: 'denied' },
    { what: 'Query of its own partition (control)', command: { kind: 'Query', partitionKey: pk, value: `TENANT#${tenantA}` }, expect: 'allowed' },
    { what: 'Query of the other tenant’s partition', command: { kind: 'Query', partitionKey: pk, value: `TENANT#${tenantB}` }, expect: 'denied' },
    { what: 'BatchGetItem with the other tenant’s key among its own', command: { kind: 'BatchGetItem', keys: [key(tenantA), key(tenantB)] }, expect: 'denied' },
    { what: 'BatchWriteItem deleting the other tenant’s (absent) probe item', command: { kind: 'BatchWriteItem', deleteKeys: [key(tenantB)] }, expect: 'denied' },
    { what: 'BatchWriteItem deleting its own (absent) probe item (control)', command: { kind: 'BatchWriteItem', deleteKeys: [key(tenantA)] }, expect: 'allowed' },
  ];
  for (const index of tableDefinition.indexes) {
    probes.push(
      { what: `Query of its own partition on ${index.name} (control)`, command: { kind: 'Query', index: index.name, partitionKey: index.partitionKey, value: `TENANT#${tenantA}#PROBE` }, expect: 'allowed' },
      { what: `Query of the other tenant’s partition on ${index.name}`, command: { kind: 'Query', index: index.name, partitionKey: index.partitionKey, value: `TENANT#${tenantB}#PROBE` }, expect: 'denied' },
    );
  }
  return probes;
}

/** The tenant id in an access token's claims, read without verifying it (the token is the operator's own). */
export function tenantOfToken(token: string): string {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('That is not a JWT');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { tenant_id?: unknown };
  if (typeof claims.tenant_id !== 'string') throw new Error('The token carries no tenant_id');
  return claims.tenant_id;
}
