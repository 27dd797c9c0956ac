/**
 * What the template editor needs over HTTP: copying a template under a new id, publishing
 * edited versions of the copy, and audits started on any version keeping it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { SampleDetail } from '@waypoint/shared/programme/programme-schemas';
import type { TemplateSummary, TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { londonMonth } from '@waypoint/shared/time/clock';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, readVersioned, sm } from './api-client.ts';
import { JOURNEY, moveAudit, patchAudit, requiredAnswers, todayInLondon } from './audits-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const copy = (email: string, body: Record<string, unknown>) => stack.api(email, '/v1/templates', jsonInit('POST', body));
/** Publishes on top of the newest version, quoting it in If-Match as an editor would. */
async function publish(email: string, id: string, body: unknown) {
  const etag = (await stack.api(email, `/v1/templates/${id}`)).headers.get('etag');
  return stack.api(email, `/v1/templates/${id}/versions`, jsonInit('POST', body, etag ? { 'if-match': etag } : {}));
}

/** The copy as an editor would change it: the assessment section goes, guidance changes, a question becomes optional, sections reordered. */
function edited(from: TemplateVersion) {
  const sections = from.sections
    .filter((s) => s.id !== 'assessment')
    .map((s) => (s.id === 'case-summary' ? { ...s, guidance: ['Is the chronology up to date and analysed?'], questions: s.questions.map((q) => ({ ...q, required: q.type === 'grade' ? q.required : false })) } : s));
  return { name: from.name, description: from.description, sections: [sections[1]!, sections[0]!, ...sections.slice(2)] };
}

describe('copying a template', () => {
  it('makes version 1 of a new template from the newest version of another, for QA officers', async () => {
    const response = await copy(nv('qa'), { templateId: 'nv-journey', copyOf: 'journey-of-the-child' });
    const first = await expectJson<TemplateVersion>(response, 201);
    expect(response.headers.get('location')).toBe('/v1/templates/nv-journey/versions/1');
    expect(first).toMatchObject({ templateId: 'nv-journey', kind: 'audit', version: 1, name: `${JOURNEY.name} (copy)`, description: JOURNEY.description, publishedBy: 'nv-qa' });
    expect(first.sections).toEqual(JOURNEY.sections);
    const { items } = await expectJson<{ items: TemplateSummary[] }>(await stack.api(nv('manager'), '/v1/templates'));
    expect(items.find((t) => t.templateId === 'nv-journey')).toMatchObject({ latestVersion: 1, builtIn: false });
    expect(items.find((t) => t.templateId === 'journey-of-the-child')).toMatchObject({ latestVersion: 1, builtIn: true });
  });

  it('lets a tenant admin copy a chosen version under a new name', async () => {
    const named = await expectJson<TemplateVersion>(await copy(nv('admin'), { templateId: 'nv-tac', copyOf: 'tac-reflective-case-summary', copyVersion: 1, name: 'Northvale TAC review', description: 'Our TAC summary.' }), 201);
    expect(named).toMatchObject({ templateId: 'nv-tac', name: 'Northvale TAC review', description: 'Our TAC summary.', version: 1 });
  });

  it('refuses other roles (403), a taken id (409) and something that does not exist (400 naming it), writing nothing', async () => {
    for (const role of ['manager', 'senior', 'practitioner', 'student'] as const) await expectProblem(await copy(nv(role), { templateId: 'nv-other', copyOf: 'journey-of-the-child' }), 403);
    await expectProblem(await copy(nv('qa'), { templateId: 'journey-of-the-child', copyOf: 'tac-reflective-case-summary' }), 409);
    const missing = await expectProblem(await copy(nv('qa'), { templateId: 'nv-other', copyOf: 'no-such-template' }), 400);
    expect(missing.errors?.map((e) => e.path)).toEqual(['copyOf']);
    const noVersion = await expectProblem(await copy(nv('qa'), { templateId: 'nv-other', copyOf: 'journey-of-the-child', copyVersion: 9 }), 400);
    expect(noVersion.errors?.map((e) => e.path)).toEqual(['copyVersion']);
    const bad = await expectProblem(await copy(nv('qa'), { templateId: 'Not An Id', copyOf: 'journey-of-the-child', kind: 'feedback-form' }), 400);
    expect(bad.errors?.map((e) => e.path).sort()).toEqual(['kind', 'templateId']);
    await expectProblem(await stack.api(nv('qa'), '/v1/templates/nv-other'), 404);
  });

  it('stays in its own authority', async () => {
    await expectProblem(await stack.api(sm('qa'), '/v1/templates/nv-journey'), 404);
    // Southmoor may use the same id for its own copy.
    await expectJson(await copy(sm('qa'), { templateId: 'nv-journey', copyOf: 'tac-reflective-case-summary' }), 201);
    expect((await expectJson<TemplateVersion>(await stack.api(nv('qa'), '/v1/templates/nv-journey'))).sections).toEqual(JOURNEY.sections);
  });
});

describe('publishing edited versions of a copy', () => {
  it('keeps an audit started on version 1 on version 1, checked and completed against it, while new audits pin version 2', async () => {
    const planned = await expectJson<Audit>(await stack.api(nv('manager'), '/v1/audits', jsonInit('POST', { caseRef: 'NV-00041', templateId: 'nv-journey' })), 201);
    const started = await patchAudit(stack, { audit: planned, etag: '"1"' }, { answers: { assessment: { grade: 'good' } } });

    const v1 = await expectJson<TemplateVersion>(await stack.api(nv('qa'), '/v1/templates/nv-journey'));
    const v2 = await expectJson<TemplateVersion>(await publish(nv('qa'), 'nv-journey', edited(v1)), 201);
    expect(v2.version).toBe(2);
    expect(v2.sections.map((s) => s.id)).not.toContain('assessment');
    expect(v2.sections[0]!.id).toBe(v1.sections[1]!.id);

    const kept = await expectJson<Audit>(await stack.api(nv('manager'), `/v1/audits/${planned.id}`));
    expect(kept.templateVersion).toBe(1);
    const full = await patchAudit(stack, started, { conversationDate: todayInLondon(), answers: requiredAnswers(v1) });
    expect((await expectJson<Audit>(await moveAudit(stack, full, 'complete'))).templateVersion).toBe(1);

    const fresh = await expectJson<Audit>(await stack.api(nv('manager'), '/v1/audits', jsonInit('POST', { caseRef: 'NV-00042', templateId: 'nv-journey' })), 201);
    expect(fresh.templateVersion).toBe(2);
    const refused = await expectProblem(await stack.api(nv('manager'), `/v1/audits/${fresh.id}`, jsonInit('PATCH', { answers: { assessment: { grade: 'good' } } }, { 'if-match': '"1"' })), 400);
    expect(refused.errors?.map((e) => e.path)).toEqual(['answers.assessment']);
  });

  it('refuses a version published on top of one the editor never saw (412), or quoting none (428), writing nothing', async () => {
    const copied = await expectJson<TemplateVersion>(await copy(nv('qa'), { templateId: 'nv-race', copyOf: 'tac-reflective-case-summary' }), 201);
    const missing = await stack.api(nv('qa'), '/v1/templates/nv-race/versions', jsonInit('POST', edited(copied)));
    expect(missing.status).toBe(428);
    await expectJson(await stack.api(nv('qa'), '/v1/templates/nv-race/versions', jsonInit('POST', edited(copied), { 'if-match': '"1"' })), 201);
    // A second editor who also started from version 1 must not replace version 2 unseen.
    const stale = await stack.api(nv('admin'), '/v1/templates/nv-race/versions', jsonInit('POST', { ...edited(copied), name: 'Another edit' }, { 'if-match': '"1"' }));
    expect(stale.status).toBe(412);
    const latest = await expectJson<TemplateVersion>(await stack.api(nv('qa'), '/v1/templates/nv-race'));
    expect(latest.version).toBe(2);
    expect(latest.name).not.toBe('Another edit');
  });

  it('leaves the template it was copied from at its own version', async () => {
    expect((await expectJson<TemplateVersion>(await stack.api(nv('manager'), '/v1/templates/journey-of-the-child'))).version).toBe(1);
  });
});

describe('audits the programme plans', () => {
  it('pin the newest version when the sample is accepted, and keep it when another is published', async () => {
    const month = shiftMonth(londonMonth(new Date()), 1);
    const proposed = await stack.api(nv('manager'), `/v1/programmes/${month}/samples`, jsonInit('POST', {}));
    const sample = await expectJson<SampleDetail>(proposed, 201);
    const accepted = await expectJson<SampleDetail>(await stack.api(nv('manager'), `/v1/programmes/${month}/samples/nv-manager/accept`, jsonInit('POST', {}, { 'if-match': proposed.headers.get('etag')! })));
    expect(accepted.auditIds).toHaveLength(sample.picked.length);
    const builtIn = await expectJson<TemplateVersion>(await stack.api(nv('qa'), '/v1/templates/journey-of-the-child'));
    await expectJson(await publish(nv('qa'), 'journey-of-the-child', edited(builtIn)), 201);
    for (const id of accepted.auditIds) {
      const { body } = await readVersioned<Audit>(stack, nv('manager'), `/v1/audits/${id}`);
      expect(body).toMatchObject({ templateId: 'journey-of-the-child', templateVersion: builtIn.version, state: 'planned' });
    }
  });
});
