/**
 * Imports across authorities: every Northvale role aimed at a Southmoor import gets what a
 * missing import gets (404, or the 403 its role gets for any import), Northvale's list never
 * shows it, nothing Northvale does moves it on, and its uploaded file is under Southmoor's
 * own prefix, which no Northvale call reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, expectJson, expectProblem, jsonInit, nv, sm } from '../api/api-client.ts';
import { startStack, type TestStack } from '../support/stack.ts';
import { acceptAndWait, uploadAndCheck, type ImportView } from '../api/imports-support.ts';
import { SOUTHMOOR } from '../api/api-client.ts';

let stack: TestStack;
let smImport: ImportView;
let smDone: ImportView;
const MISSING = '01J00000000000000000000000';

beforeAll(async () => {
  stack = await startStack();
  const file = 'Person ID,Allocated Team,Category\nISO-1,Assessment,CIN\nISO-2,Nowhere,CIN\n';
  smImport = await uploadAndCheck(stack, sm('qa'), { kind: 'cases', source: 'liquidlogic-lcs', format: 'csv' }, file);
  smDone = await uploadAndCheck(stack, sm('qa'), { kind: 'cases', source: 'liquidlogic-lcs', format: 'csv' }, file);
  smDone = await acceptAndWait(stack, sm('qa'), smDone.id);
});
afterAll(async () => {
  await stack?.stop();
});

const ROUTES = (id: string): [string, RequestInit | undefined][] => [
  [`/v1/imports/${id}`, undefined],
  [`/v1/imports/${id}/problems`, undefined],
  [`/v1/imports/${id}/refused`, undefined],
  [`/v1/imports/${id}/refused.csv`, undefined],
  [`/v1/imports/${id}/upload`, { method: 'POST' }],
  [`/v1/imports/${id}/uploaded`, { method: 'POST' }],
  [`/v1/imports/${id}/mapping`, jsonInit('PUT', { mapping: { ref: 'Person ID', team: 'Allocated Team', caseType: 'Category' } })],
  [`/v1/imports/${id}/accept`, { method: 'POST' }],
  [`/v1/imports/${id}/cancel`, { method: 'POST' }],
];

describe('another authority’s imports', () => {
  it('are answered exactly as a missing import, for every role and every route', async () => {
    expect(smImport.status).toBe('checked');
    for (const role of ROLES) {
      for (const id of [smImport.id, smDone.id]) {
        for (const [path, init] of ROUTES(id)) {
          const theirs = await stack.api(nv(role), path, init);
          const missing = await stack.api(nv(role), path.replace(id, MISSING), init);
          expect(theirs.status, `${role} ${path}`).toBe(missing.status);
          expect([403, 404]).toContain(theirs.status);
          await theirs.arrayBuffer();
          await missing.arrayBuffer();
        }
      }
    }
  });

  it('never appear in a list, and stay as they were', async () => {
    for (const role of ['qa', 'senior', 'admin'] as const) {
      const list = await expectJson<{ items: { id: string }[] }>(await stack.api(nv(role), '/v1/imports'));
      expect(list.items.map((i) => i.id)).not.toContain(smImport.id);
    }
    const after = await expectJson<ImportView>(await stack.api(sm('qa'), `/v1/imports/${smImport.id}`));
    expect(after).toMatchObject({ status: 'checked', attempt: smImport.attempt, version: smImport.version });
    await expectProblem(await stack.api(nv('qa'), '/v1/cases/ISO-1'), 404);
    await expectJson(await stack.api(sm('qa'), '/v1/cases/ISO-1'));
  });

  it('keep their files under their own authority’s prefix, and a new upload goes only there', async () => {
    const created = await expectJson<ImportView>(await stack.api(nv('qa'), '/v1/imports', jsonInit('POST', { kind: 'cases', source: 'mosaic', format: 'csv' })), 201);
    const key = created.upload!.fields.key!;
    expect(key).toMatch(new RegExp(`^tenants/${'7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801'}/imports/${created.id}$`));
    expect(key).not.toContain(SOUTHMOOR.id);
    // Nothing the API returns carries where an import's file is kept.
    expect(JSON.stringify(await expectJson(await stack.api(sm('qa'), `/v1/imports/${smDone.id}`)))).not.toContain('tenants/');
  });
});
