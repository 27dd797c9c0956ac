/** `/v1/templates` over HTTP: built-in templates, immutable versions, publishing, and audits keeping the version they pinned. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { TemplateSummary, TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import { startStack, type TestStack } from '../support/stack.ts';
import { ROLES, expectJson, expectProblem, jsonInit, nv, sm } from './api-client.ts';
import { JOURNEY, moveAudit, patchAudit, planAudit, requiredAnswers, todayInLondon } from './audits-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** Version 2 of the Journey: "assessment" is dropped and a section on the child's education is added. */
const VERSION_2 = {
  name: JOURNEY.name,
  description: JOURNEY.description,
  sections: [...JOURNEY.sections.filter((s) => s.id !== 'assessment'), { id: 'education', title: 'Education', guidance: ['Is the child in full-time education?'], questions: [{ id: 'attendance', label: 'Attendance this term', type: 'text', required: true }] }],
};
/** Publishes on top of the newest version, quoting it in If-Match as an editor would. */
async function publish(email: string, body: unknown, id = 'journey-of-the-child') {
  const latest = await stack.api(email, `/v1/templates/${id}`);
  const etag = latest.headers.get('etag');
  return stack.api(email, `/v1/templates/${id}/versions`, jsonInit('POST', body, etag ? { 'if-match': etag } : {}));
}

describe('reading templates', () => {
  it('gives every member of staff both built-in audit templates and the feedback forms, and filters by kind', async () => {
    for (const role of ROLES) {
      const { items } = await expectJson<{ items: TemplateSummary[] }>(await stack.api(nv(role), '/v1/templates'));
      expect(items.filter((t) => t.kind === 'audit').map((t) => [t.templateId, t.kind, t.latestVersion, t.builtIn])).toEqual([
        ['journey-of-the-child', 'audit', 1, true],
        ['tac-reflective-case-summary', 'audit', 1, true],
      ]);
    }
    const forms = await expectJson<{ items: TemplateSummary[] }>(await stack.api(nv('qa'), '/v1/templates?kind=feedback-form'));
    expect(forms.items.map((t) => t.templateId).sort()).toEqual(['feedback-ages-11-18', 'feedback-ages-4-7', 'feedback-ages-8-10', 'feedback-care-leavers', 'feedback-parents-carers']);
    expect((await expectJson<{ items: TemplateSummary[] }>(await stack.api(nv('qa'), '/v1/templates?kind=audit'))).items).toHaveLength(2);
  });

  it('reads the newest version and any numbered one, and 404s a version or template that does not exist', async () => {
    const latest = await expectJson<TemplateVersion>(await stack.api(nv('manager'), '/v1/templates/tac-reflective-case-summary'));
    expect(latest).toMatchObject({ templateId: 'tac-reflective-case-summary', version: 1, publishedBy: 'built-in' });
    const first = await expectJson<TemplateVersion>(await stack.api(nv('student'), '/v1/templates/journey-of-the-child/versions/1'));
    expect(first.sections).toHaveLength(10);
    await expectProblem(await stack.api(nv('manager'), '/v1/templates/journey-of-the-child/versions/9'), 404);
    await expectProblem(await stack.api(nv('manager'), '/v1/templates/no-such-template'), 404);
    for (const bad of ['0', 'one', '1.5']) await expectProblem(await stack.api(nv('manager'), `/v1/templates/journey-of-the-child/versions/${bad}`), 400);
    await expectProblem(await stack.api(nv('manager'), '/v1/templates/Bad%23Id'), 400);
  });
});

describe('publishing a version', () => {
  it('is for QA officers and tenant admins only (403 for everyone else), and 404 for a template that does not exist', async () => {
    for (const role of ['student', 'practitioner', 'manager', 'senior'] as const) await expectProblem(await publish(nv(role), VERSION_2, 'tac-reflective-case-summary'), 403);
    await expectProblem(await publish(nv('qa'), VERSION_2, 'no-such-template'), 404);
  });

  it('refuses a definition that is not valid, writing nothing', async () => {
    const duplicate = { ...VERSION_2, sections: [VERSION_2.sections[0], VERSION_2.sections[0]] };
    const problem = await expectProblem(await publish(nv('qa'), duplicate, 'tac-reflective-case-summary'), 400);
    expect(problem.errors?.map((e) => e.message)).toContain('Section ids must be unique');
    await expectProblem(await publish(nv('qa'), { ...VERSION_2, kind: 'feedback-form' }, 'tac-reflective-case-summary'), 400);
    expect((await expectJson<TemplateVersion>(await stack.api(nv('qa'), '/v1/templates/tac-reflective-case-summary'))).version).toBe(1);
  });
});

describe('an audit keeps the version it pinned', () => {
  it('goes on validating and completing against its own version after a new one is published; new audits pin the new one', async () => {
    const started = await patchAudit(stack, await planAudit(stack), { answers: { assessment: { grade: 'good' } } });
    const response = await publish(nv('qa'), VERSION_2);
    const v2 = await expectJson<TemplateVersion>(response, 201);
    expect(v2).toMatchObject({ version: 2, publishedBy: 'nv-qa' });
    expect(response.headers.get('location')).toBe('/v1/templates/journey-of-the-child/versions/2');
    expect((await expectJson<TemplateVersion>(await stack.api(nv('manager'), '/v1/templates/journey-of-the-child'))).version).toBe(2);
    expect((await expectJson<TemplateVersion>(await stack.api(nv('manager'), '/v1/templates/journey-of-the-child/versions/1'))).sections.map((s) => s.id)).toContain('assessment');

    // The started audit still speaks version 1: "assessment" is known, "education" is not.
    const reread = await expectJson<Audit>(await stack.api(nv('manager'), `/v1/audits/${started.audit.id}`));
    expect(reread.templateVersion).toBe(1);
    const problem = await expectProblem(await stack.api(nv('manager'), `/v1/audits/${started.audit.id}`, jsonInit('PATCH', { answers: { education: { attendance: '95%' } } }, { 'if-match': started.etag })), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['answers.education']);
    const full = await patchAudit(stack, started, { conversationDate: todayInLondon(), answers: requiredAnswers() });
    const done = await expectJson<Audit>(await moveAudit(stack, full, 'complete'));
    expect(done).toMatchObject({ state: 'completed', templateVersion: 1 });

    // A new audit pins version 2 and is checked against it.
    const fresh = await planAudit(stack, { caseRef: 'NV-00006' });
    expect(fresh.audit.templateVersion).toBe(2);
    const refused = await expectProblem(await stack.api(nv('manager'), `/v1/audits/${fresh.audit.id}`, jsonInit('PATCH', { answers: { assessment: { grade: 'good' } } }, { 'if-match': fresh.etag })), 400);
    expect(refused.errors?.map((e) => e.path)).toEqual(['answers.assessment']);
    const saved = await patchAudit(stack, fresh, { answers: { education: { attendance: '95%' } } });
    expect(saved.audit.answers).toEqual({ education: { attendance: '95%' } });
  });

  it('leaves another authority’s templates alone', async () => {
    const theirs = await expectJson<TemplateVersion>(await stack.api(sm('manager'), '/v1/templates/journey-of-the-child'));
    expect(theirs.version).toBe(1);
  });

  it('lists the newest version number once published, and lets a tenant admin publish too', async () => {
    const admin = await expectJson<TemplateVersion>(await publish(nv('admin'), { ...VERSION_2, name: 'Journey of the Child monthly audit (2027)' }), 201);
    expect(admin.version).toBe(3);
    const { items } = await expectJson<{ items: TemplateSummary[] }>(await stack.api(nv('manager'), '/v1/templates'));
    expect(items.find((t) => t.templateId === 'journey-of-the-child')).toMatchObject({ latestVersion: 3, name: 'Journey of the Child monthly audit (2027)', builtIn: true });
  });
});
