/**
 * Files on audit sections and reflections across tenants: every Southmoor role aimed at a
 * Northvale audit's section or reflection files, and Northvale's QA (who sees every Northvale
 * audit) aimed at Southmoor's (the audit's list of every file among them), gets what a missing id gets (404, or the 403 a role gets for any
 * id); a Southmoor file id under a Northvale section is a missing file; uploads are signed only
 * under the caller's own tenant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAudits } from '@waypoint/functions/local/seed/demo-audits';
import { BUILT_IN_TEMPLATES } from '@waypoint/shared/templates/built-in/built-in-templates';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, ROLES, SOUTHMOOR, expectJson, expectProblem, jsonInit, nv, sm } from '../api/api-client.ts';
import { attach, pdfBytes, startUpload } from '../api/files-support.ts';

let stack: TestStack;

/** A demo audit with the case holder's reflection, the section and reflection paths under it. */
function parents(tenant: typeof NORTHVALE) {
  const data = demoAudits(tenant, new Date());
  const reflection = data.reflections.find((r) => r.authorRole === 'case-holder')!;
  const audit = data.audits.find((a) => a.id === reflection.auditId)!;
  const sectionId = BUILT_IN_TEMPLATES.find((t) => t.templateId === audit.templateId)!.sections[0]!.id;
  return { audit: `/v1/audits/${audit.id}`, section: `/v1/audits/${audit.id}/sections/${sectionId}`, reflection: `/v1/audits/${audit.id}/reflections/${reflection.id}` };
}
const NV = parents(NORTHVALE);
const SM = parents(SOUTHMOOR);
let nvFileId: string;
let smFileId: string;

beforeAll(async () => {
  stack = await startStack();
  nvFileId = (await attach(stack, nv('qa'), NV.section, 'northvale.pdf', pdfBytes('Northvale'))).id;
  smFileId = (await attach(stack, sm('qa'), SM.section, 'southmoor.pdf', pdfBytes('Southmoor'))).id;
});
afterAll(async () => {
  await stack?.stop();
});

const routes = (parent: string, fileId: string): { name: string; path: string; init?: RequestInit }[] => [
  { name: 'list', path: `${parent}/files` },
  { name: 'start', path: `${parent}/files`, init: jsonInit('POST', { filename: 'x.pdf', size: 10 }) },
  { name: 'upload form', path: `${parent}/files/upload-form`, init: jsonInit('POST', { returnTo: '/x' }) },
  { name: 'confirm', path: `${parent}/files/${fileId}/confirm`, init: { method: 'POST' } },
  { name: 'download', path: `${parent}/files/${fileId}/download` },
];
const everyRoute = (p: typeof NV, fileId: string) => [...routes(p.section, fileId), ...routes(p.reflection, fileId), { name: 'every file on the audit', path: `${p.audit}/files` }];

describe('audit section and reflection files across tenants', () => {
  it('answers every Southmoor role 404 on a Northvale audit’s section and reflection files (or the 403 its role gets for any id)', async () => {
    for (const role of ROLES) {
      for (const route of everyRoute(NV, nvFileId)) {
        const response = await stack.api(sm(role), route.path, route.init);
        expect([403, 404], `${role} ${route.name} ${route.path}`).toContain(response.status);
        await expectProblem(response, response.status);
      }
    }
  });

  it('answers Northvale’s QA 404 on Southmoor’s audit, and on Southmoor’s file id under a Northvale section', async () => {
    for (const route of everyRoute(SM, smFileId)) await expectProblem(await stack.api(nv('qa'), route.path, route.init), 404);
    for (const route of routes(NV.section, smFileId).filter((r) => r.name !== 'list' && r.name !== 'start' && r.name !== 'upload form')) await expectProblem(await stack.api(nv('qa'), route.path, route.init), 404);
  });

  it('never lists another tenant’s file, and signs uploads only under the caller’s tenant prefix', async () => {
    const nvList = await expectJson<{ items: { id: string }[] }>(await stack.api(nv('qa'), `${NV.section}/files`));
    expect(nvList.items.map((f) => f.id)).toEqual([nvFileId]);
    const nvAll = await expectJson<{ sections: Record<string, { id: string }[]>; reflections: Record<string, { id: string }[]> }>(await stack.api(nv('qa'), `${NV.audit}/files`));
    expect([...Object.values(nvAll.sections), ...Object.values(nvAll.reflections)].flat().map((f) => f.id)).toEqual([nvFileId]);
    const started = await startUpload(stack, nv('practitioner'), NV.reflection, 'mine.pdf', 10);
    expect(started.upload.fields.key!.startsWith(`tenants/${NORTHVALE.id}/evidence/audits/`)).toBe(true);
    expect(started.upload.fields.key).not.toContain(SOUTHMOOR.id);
  });
});
