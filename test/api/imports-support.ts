/** Importing a file over HTTP as the portal does: create, upload to the presigned POST, say it is up, map, check, accept. */
import { expect } from 'vitest';
import type { ImportRecord, ImportStatus } from '@waypoint/shared/imports/import-schemas';
import type { TestStack } from '../support/stack.ts';
import { expectJson, jsonInit } from './api-client.ts';

export type ImportView = ImportRecord & { upload?: { url: string; fields: Record<string, string> } };

export async function startImport(stack: TestStack, who: string, body: { kind: string; source: string; format: 'csv' | 'xlsx'; fileName?: string }): Promise<ImportView> {
  return expectJson<ImportView>(await stack.api(who, '/v1/imports', jsonInit('POST', body)), 201);
}

/** Posts the file to the presigned POST, as a browser form would (the redirect back to the portal is not followed). */
export async function uploadTo(upload: { url: string; fields: Record<string, string> }, content: string | Buffer, name = 'export.csv'): Promise<void> {
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  const response = await fetch(upload.url, { method: 'POST', body: form, redirect: 'manual' });
  expect([200, 201, 204, 303].includes(response.status), `upload answered ${response.status}`).toBe(true);
  await response.arrayBuffer();
}

/** Reads the import until the job has moved it out of `working` statuses; the job runs in the API's process. */
export async function settled(stack: TestStack, who: string, id: string, from: readonly ImportStatus[] = ['reading', 'checking', 'importing']): Promise<ImportView> {
  for (let i = 0; i < 3000; i++) {
    const record = await expectJson<ImportView>(await stack.api(who, `/v1/imports/${id}`));
    if (!from.includes(record.status)) return record;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import ${id} never settled`);
}

/** Upload, then the column choices the job suggested (or `mapping`), then the check. */
export async function uploadAndCheck(stack: TestStack, who: string, body: Parameters<typeof startImport>[2], content: string | Buffer, mapping?: Record<string, string>): Promise<ImportView> {
  const created = await startImport(stack, who, body);
  await uploadTo(created.upload!, content);
  await expectJson(await stack.api(who, `/v1/imports/${created.id}/uploaded`, { method: 'POST' }));
  const read = await settled(stack, who, created.id);
  if (read.status !== 'mapping') return read;
  await expectJson(await stack.api(who, `/v1/imports/${created.id}/mapping`, jsonInit('PUT', { mapping: mapping ?? read.mapping })));
  return settled(stack, who, created.id);
}

export async function acceptAndWait(stack: TestStack, who: string, id: string): Promise<ImportView> {
  await expectJson(await stack.api(who, `/v1/imports/${id}/accept`, { method: 'POST' }));
  return settled(stack, who, id);
}
