/**
 * Evidence files across tenants: every Southmoor role aimed at a Northvale action's files, and
 * Northvale's QA (who sees every Northvale action) aimed at Southmoor's, gets what a missing id
 * gets (404); a Southmoor file id under a Northvale action is a missing file; a download link is
 * only ever signed for a key under the caller's own tenant, and so is an upload form; another
 * tenant's form upload is never confirmed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAudits } from '@waypoint/functions/local/seed/demo-audits';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, ROLES, SOUTHMOOR, expectJson, expectProblem, jsonInit, nv, sm } from '../api/api-client.ts';
import { attach, confirm, pdfBytes, postForm, startUpload, uploadForm } from '../api/files-support.ts';

let stack: TestStack;
const NV_ACTION = demoAudits(NORTHVALE, new Date()).actions[0]!;
const SM_ACTION = demoAudits(SOUTHMOOR, new Date()).actions[0]!;
let nvFileId: string;
let smFileId: string;

beforeAll(async () => {
  stack = await startStack();
  nvFileId = (await attach(stack, nv('qa'), NV_ACTION.id, 'northvale.pdf', pdfBytes('Northvale'))).id;
  smFileId = (await attach(stack, sm('qa'), SM_ACTION.id, 'southmoor.pdf', pdfBytes('Southmoor'))).id;
});
afterAll(async () => {
  await stack?.stop();
});

const routes = (actionId: string, fileId: string): { name: string; path: string; init?: RequestInit }[] => [
  { name: 'list', path: `/v1/actions/${actionId}/files` },
  { name: 'start', path: `/v1/actions/${actionId}/files`, init: jsonInit('POST', { filename: 'x.pdf', size: 10 }) },
  { name: 'upload form', path: `/v1/actions/${actionId}/files/upload-form`, init: jsonInit('POST', { returnTo: '/x' }) },
  { name: 'confirm', path: `/v1/actions/${actionId}/files/${fileId}/confirm`, init: { method: 'POST' } },
  { name: 'download', path: `/v1/actions/${actionId}/files/${fileId}/download` },
];

describe('evidence files across tenants', () => {
  it('answers every Southmoor role 404 on a Northvale action’s files (or the 403 its role gets for any id)', async () => {
    for (const role of ROLES) {
      for (const route of routes(NV_ACTION.id, nvFileId)) {
        const response = await stack.api(sm(role), route.path, route.init);
        expect([403, 404], `${role} ${route.name}`).toContain(response.status);
        await expectProblem(response, response.status);
      }
    }
  });

  it('answers Northvale’s QA 404 on Southmoor’s action, and on Southmoor’s file id under a Northvale action', async () => {
    for (const route of routes(SM_ACTION.id, smFileId)) await expectProblem(await stack.api(nv('qa'), route.path, route.init), 404);
    for (const route of routes(NV_ACTION.id, smFileId).filter((r) => r.name !== 'list' && r.name !== 'start' && r.name !== 'upload form')) await expectProblem(await stack.api(nv('qa'), route.path, route.init), 404);
  });

  it('never lists another tenant’s file, and signs uploads and downloads only under the caller’s tenant prefix', async () => {
    const nvList = await expectJson<{ items: { id: string }[] }>(await stack.api(nv('qa'), `/v1/actions/${NV_ACTION.id}/files`));
    expect(nvList.items.map((f) => f.id)).toEqual([nvFileId]);
    const started = await startUpload(stack, nv('qa'), NV_ACTION.id, 'mine.pdf', 10);
    expect(started.upload.fields.key!.startsWith(`tenants/${NORTHVALE.id}/`)).toBe(true);
    const link = await expectJson<{ url: string }>(await stack.api(nv('qa'), `/v1/actions/${NV_ACTION.id}/files/${nvFileId}/download`));
    expect(new URL(link.url).pathname).toContain(`/tenants/${NORTHVALE.id}/`);
    expect(link.url).not.toContain(SOUTHMOOR.id);
  });

  it('signs upload forms only under the caller’s tenant, and never confirms another tenant’s form upload', async () => {
    const form = await uploadForm(stack, nv('qa'), NV_ACTION.id, `/actions/${NV_ACTION.id}/files/uploaded`);
    expect(form.upload.fields.key!.startsWith(`tenants/${NORTHVALE.id}/evidence/actions/`)).toBe(true);
    await postForm(form, pdfBytes('Northvale form'), 'northvale-form.pdf');
    // Southmoor's QA naming Northvale's uploaded file id under a Southmoor action finds nothing there.
    await expectProblem(await confirm(stack, sm('qa'), SM_ACTION.id, form.fileId), 404);
    await expectProblem(await confirm(stack, sm('qa'), NV_ACTION.id, form.fileId), 404);
    expect((await expectJson<{ file: { id: string } }>(await confirm(stack, nv('qa'), NV_ACTION.id, form.fileId))).file.id).toBe(form.fileId);
  });

  it('refuses, in the store itself, any key outside a tenant prefix', async () => {
    await expect(stack.jobDependencies.objects.head(`tenants/${NORTHVALE.id}/../${SOUTHMOOR.id}/evidence/x`)).rejects.toThrow();
  });
});
