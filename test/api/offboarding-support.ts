/**
 * What the offboarding tests share: starting an authority's offboarding through the API, running
 * the offboarding job at a chosen day, and reading the table and the object store whole (tests
 * only: a few thousand items).
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { runOffboarding } from '@waypoint/functions/offboarding/offboarding-job';
import { DELETION_COOLING_OFF_DAYS } from '@waypoint/shared/tenancy/tenant-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { TestStack } from '../support/stack.ts';
import { OPERATOR_EMAIL, expectJson, jsonInit, readVersioned } from './api-client.ts';
import { today } from './engagement-support.ts';

export const operatorCall = (stack: TestStack, path: string, init?: RequestInit) => stack.api(OPERATOR_EMAIL, path, init);

export async function changeStatus(stack: TestStack, tenantId: string, body: Record<string, unknown>, status = 200) {
  const { etag } = await readVersioned(stack, OPERATOR_EMAIL, `/v1/platform/tenants/${tenantId}`);
  return expectJson<{ status: string; leavesOn?: string; deletionDueOn?: string; version: number }>(await operatorCall(stack, `/v1/platform/tenants/${tenantId}`, jsonInit('PATCH', body, { 'if-match': etag })), status);
}

export const startOffboarding = (stack: TestStack, tenantId: string) => changeStatus(stack, tenantId, { status: 'offboarding', leavesOn: today() });

/** Runs the offboarding job as on the day after the cooling-off period; `passMs: 0` makes each run do one step. */
export async function runJobAfterCoolingOff(stack: TestStack, options: { passMs?: number } = {}) {
  const later = new Date(clock.now().getTime() + (DELETION_COOLING_OFF_DAYS + 1) * 86_400_000);
  clock.set(later);
  try {
    return await runOffboarding(stack.jobDependencies, options);
  } finally {
    clock.set(undefined);
  }
}

export async function everyItem(stack: TestStack): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await stack.jobDependencies.platformClient.send(new ScanCommand({ TableName: stack.tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every item of one tenant, by key, as JSON (to compare before and after). */
export async function itemsOf(stack: TestStack, tenantId: string): Promise<Map<string, string>> {
  const root = `TENANT#${tenantId}`;
  const found = new Map<string, string>();
  for (const item of await everyItem(stack)) {
    const pk = String(item.PK);
    if (pk === root || pk.startsWith(`${root}#`)) found.set(`${pk}|${String(item.SK)}`, JSON.stringify(item));
  }
  return found;
}

/** Every item anywhere that mentions the tenant's id, on any key or index attribute. */
export async function itemsMentioning(stack: TestStack, tenantId: string): Promise<string[]> {
  return (await everyItem(stack)).filter((item) => Object.entries(item).some(([name, value]) => /^(PK|SK|GSI\dPK|GSI\dSK)$/.test(name) && String(value).includes(tenantId))).map((item) => `${String(item.PK)}|${String(item.SK)}`);
}

export async function objectsOf(stack: TestStack, tenantId: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of stack.jobDependencies.objects.list(`tenants/${tenantId}/`)) keys.push(object.key);
  return keys.sort();
}

/** Waits for an export to be ready (made in-process by the API on one machine), however long that takes here. */
export async function waitForExport<T extends { state: string }>(read: () => Promise<Response>): Promise<T> {
  for (;;) {
    const found = await expectJson<T>(await read());
    if (found.state === 'ready' || found.state === 'failed') return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A new authority, offboarded and deleted by the job: its page and certificate are the operator's to see. */
export async function deletedAuthority(stack: TestStack, slug: string): Promise<string> {
  const created = await expectJson<{ id: string }>(await operatorCall(stack, '/v1/platform/tenants', jsonInit('POST', { name: `${slug} council`, slug, region: 'Wessex', adminName: 'Dee Parting', adminEmail: `dee.parting@${slug}.example` })), 201);
  await startOffboarding(stack, created.id);
  for (let runs = 0; runs < 20; runs++) {
    await runJobAfterCoolingOff(stack);
    const { status } = await expectJson<{ status: string }>(await operatorCall(stack, `/v1/platform/tenants/${created.id}`));
    if (status === 'deleted') return created.id;
  }
  throw new Error('the authority was not deleted');
}
