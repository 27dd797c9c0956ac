/**
 * Thematic reviews over HTTP: a QA officer sets one up, draws the cohort by criteria (seeded,
 * replayable, with team quotas) or picks it by hand, starts it so each reviewer (a
 * practitioner too) audits their cases on the review tool, writes findings and
 * recommendations, raises an action from one, a senior manager signs it off, and it is
 * published to staff with a report whose small groups are hidden.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '@waypoint/shared/actions/action-schemas';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { ReviewReport } from '@waypoint/shared/reviews/review-report';
import type { ReviewList, ReviewView } from '@waypoint/shared/reviews/review-schemas';
import { thematicReviewTemplate } from '@waypoint/shared/reviews/review-template';
import { addDays } from '@waypoint/shared/time/calendar-dates';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, readVersioned } from './api-client.ts';
import { requiredAnswers, todayInLondon } from './audits-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const NEW_REVIEW = { title: 'Hearing children in need', question: 'How well do we hear children in need?', scope: 'Open Child in Need cases', casesDueBy: addDays(todayInLondon(), 20), reviewerIds: ['nv-practitioner', 'nv-manager'] };

async function create(body: Record<string, unknown> = {}, email = nv('qa')) {
  return expectJson<ReviewView>(await stack.api(email, '/v1/reviews', jsonInit('POST', { ...NEW_REVIEW, ...body })), 201);
}

async function step(email: string, id: string, path: string, body: unknown) {
  const { etag } = await readVersioned(stack, email, `/v1/reviews/${id}`);
  return stack.api(email, `/v1/reviews/${id}${path}`, jsonInit(path === '' ? 'PATCH' : 'POST', body, { 'if-match': etag }));
}

const read = async (email: string, id: string) => expectJson<ReviewView>(await stack.api(email, `/v1/reviews/${id}`));
const outbox = async () => (await expectJson<{ items: { to: string; subject: string; text: string }[] }>(await stack.api(nv('admin'), '/v1/dev/outbox?limit=100'))).items;
const CIN = { method: 'criteria', criteria: { caseTypes: ['child-in-need'] }, size: 4 };

describe('setting up a review', () => {
  it('is for QA officers and senior managers; others get 403', async () => {
    for (const role of ['student', 'practitioner', 'manager', 'admin'] as const) await expectProblem(await stack.api(nv(role), '/v1/reviews', jsonInit('POST', NEW_REVIEW)), 403);
  });

  it('refuses a lead who may not lead, a reviewer who may not review, an audit template and a day gone, writing nothing', async () => {
    const before = (await expectJson<ReviewList>(await stack.api(nv('qa'), '/v1/reviews'))).items.length;
    const problem = await expectProblem(
      await stack.api(nv('qa'), '/v1/reviews', jsonInit('POST', { ...NEW_REVIEW, leadId: 'nv-manager', reviewerIds: ['nv-student', 'nv-admin'], templateId: 'journey-of-the-child', casesDueBy: addDays(todayInLondon(), -1) })),
      400,
    );
    expect(problem.errors?.map((e) => e.path)).toEqual(['templateId', 'leadId', 'reviewerIds.0', 'reviewerIds.1', 'casesDueBy']);
    const blank = await expectProblem(await stack.api(nv('qa'), '/v1/reviews', jsonInit('POST', { ...NEW_REVIEW, question: '', reviewerIds: ['nv-qa', 'nv-qa'] })), 400);
    expect(blank.errors?.map((e) => e.path).sort()).toEqual(['question', 'reviewerIds']);
    expect((await expectJson<ReviewList>(await stack.api(nv('qa'), '/v1/reviews'))).items).toHaveLength(before);
  });

  it('pins the built-in review tool, leads it by whoever set it up, and a retry with the same Idempotency-Key makes one', async () => {
    const headers = { 'idempotency-key': 'review-create-0001' };
    const first = await expectJson<ReviewView>(await stack.api(nv('senior'), '/v1/reviews', jsonInit('POST', NEW_REVIEW, headers)), 201);
    const again = await expectJson<ReviewView>(await stack.api(nv('senior'), '/v1/reviews', jsonInit('POST', NEW_REVIEW, headers)), 201);
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ state: 'draft', leadId: 'nv-senior', templateId: thematicReviewTemplate.templateId, templateVersion: 1, moves: ['edit', 'choose-cohort'], oversees: true });
  });

  it('needs If-Match to change, and refuses a stale one', async () => {
    const review = await create();
    await expectProblem(await stack.api(nv('qa'), `/v1/reviews/${review.id}`, jsonInit('PATCH', { title: 'x' })), 428);
    await expectProblem(await stack.api(nv('qa'), `/v1/reviews/${review.id}`, jsonInit('PATCH', { title: 'x' }, { 'if-match': '"9"' })), 412);
    await expectProblem(await step(nv('senior'), review.id, '', { title: 'Not the lead' }), 403);
    const changed = await expectJson<ReviewView>(await step(nv('qa'), review.id, '', { title: 'Hearing every child' }));
    expect(changed).toMatchObject({ title: 'Hearing every child', version: 2 });
  });
});

describe('the cohort', () => {
  it('is drawn by criteria with a seed that replays, honours team quotas, and can be drawn again before the start', async () => {
    const review = await create({ reviewerIds: ['nv-practitioner'] });
    const drawn = await expectJson<ReviewView>(await step(nv('qa'), review.id, '/cohort', { method: 'criteria', criteria: { caseTypes: ['child-in-need', 'child-protection'] }, size: 6, quotas: [{ teamId: 'assessment', count: 2 }] }));
    expect(drawn.cohort).toMatchObject({ method: 'criteria', size: 6 });
    expect(drawn.cohort!.seed).toMatch(/^[0-9a-f-]{36}$/);
    expect(drawn.cases).toHaveLength(6);
    expect(drawn.cases.filter((c) => c.teamId === 'assessment')).toHaveLength(2);
    expect(drawn.cases.every((c) => ['child-in-need', 'child-protection'].includes(c.caseType))).toBe(true);
    expect(drawn.replays).toBe(true);
    expect(drawn.moves).toContain('start');
  });

  it('says clearly when no case matches, and keeps the review as it was', async () => {
    const review = await create();
    const problem = await expectProblem(await step(nv('qa'), review.id, '/cohort', { method: 'criteria', criteria: { caseTypes: ['early-help'], teamIds: ['child-in-need'] }, size: 5 }), 400);
    expect(problem.errors).toEqual([{ path: 'criteria', message: 'No case matches these criteria: widen them, or pick cases by hand' }]);
    expect((await read(nv('qa'), review.id)).version).toBe(1);
    const sums = await expectProblem(await step(nv('qa'), review.id, '/cohort', { method: 'criteria', criteria: {}, size: 2, quotas: [{ teamId: 'assessment', count: 3 }] }), 400);
    expect(sums.errors?.map((e) => e.path)).toEqual(['quotas']);
  });

  it('can be picked by hand, each case with a reason, and names a case that does not exist', async () => {
    const review = await create();
    const missing = await expectProblem(
      await step(nv('qa'), review.id, '/cohort', {
        method: 'hand',
        cases: [
          { caseRef: 'NV-00001', reason: 'Disabled child' },
          { caseRef: 'NV-99999', reason: 'x' },
        ],
      }),
      400,
    );
    expect(missing.errors).toEqual([{ path: 'cases.1.caseRef', message: 'No such case' }]);
    const picked = await expectJson<ReviewView>(await step(nv('qa'), review.id, '/cohort', { method: 'hand', cases: [{ caseRef: 'nv-00002', reason: 'Two plans in two years' }] }));
    expect(picked.cases).toEqual([{ caseRef: 'NV-00002', teamId: 'child-in-need', caseType: 'child-in-need', reason: 'Two plans in two years' }]);
  });

  it('finds a case with a second child protection plan within two years from its journey', async () => {
    const ref = 'NV-00014';
    for (const [type, date] of [
      ['strategy-discussion', '2023-01-02'],
      ['initial-cp-conference', '2023-01-20'],
      ['strategy-discussion', '2024-03-01'],
      ['initial-cp-conference', '2024-03-15'],
    ]) {
      await expectJson(await stack.api(nv('qa'), `/v1/cases/${ref}/journey`, jsonInit('POST', { type, date })), 201);
    }
    const review = await create();
    const drawn = await expectJson<ReviewView>(await step(nv('qa'), review.id, '/cohort', { method: 'criteria', criteria: { journeyEvent: { type: 'initial-cp-conference', atLeast: 2, withinMonths: 24 } }, size: 10 }));
    expect(drawn.cases.map((c) => c.caseRef)).toContain(ref);
    expect(drawn.cohort!.eligible).toBe(drawn.cases.length);
  });
});

describe('a review from start to publication', () => {
  it('runs: start, a practitioner reviews a case, findings, an action, sign-off and publication', async () => {
    const review = await create();
    await step(nv('qa'), review.id, '/cohort', CIN);
    await expectProblem(await step(nv('practitioner'), review.id, '/start', {}), 403);
    const started = await expectJson<ReviewView>(await step(nv('qa'), review.id, '/start', {}));
    expect(started.state).toBe('under-way');
    expect(started.cases.map((c) => c.reviewerId)).toEqual(['nv-practitioner', 'nv-manager', 'nv-practitioner', 'nv-manager']);
    expect(started.cases.every((c) => c.state === 'planned')).toBe(true);
    const invited = (await outbox()).filter((m) => m.text.includes(`/reviews/${review.id}`));
    expect(invited.map((m) => m.to).sort()).toEqual(['manager@northvale.example', 'practitioner@northvale.example']);
    expect(invited[0]!.text).toContain('2 cases to review');
    // Starting again changes nothing more.
    expect((await expectJson<ReviewView>(await step(nv('qa'), review.id, '/start', {}))).version).toBe(started.version);

    // The practitioner sees the review with their own cases only, and audits one.
    const mine = await read(nv('practitioner'), review.id);
    expect(mine.cases).toHaveLength(2);
    expect(mine.oversees).toBe(false);
    const auditId = mine.cases[0]!.auditId!;
    const audit = await readVersioned<Audit>(stack, nv('practitioner'), `/v1/audits/${auditId}`);
    expect(audit.body).toMatchObject({ auditType: 'thematic', reviewId: review.id, auditorId: 'nv-practitioner', templateId: thematicReviewTemplate.templateId });
    const savedAudit = await stack.api(nv('practitioner'), `/v1/audits/${auditId}`, jsonInit('PATCH', { conversationDate: todayInLondon(), answers: requiredAnswers(thematicReviewTemplate) }, { 'if-match': audit.etag }));
    expect(savedAudit.status).toBe(200);
    const done = await stack.api(nv('practitioner'), `/v1/audits/${auditId}/complete`, jsonInit('POST', {}, { 'if-match': savedAudit.headers.get('etag')! }));
    expect(((await expectJson<Audit>(done)) as Audit).state).toBe('completed');
    // Someone else's review audit is still not theirs to run: 404, or 403 when it is of a case they hold (and so may read).
    const other = await readVersioned<Audit>(stack, nv('qa'), `/v1/audits/${started.cases[1]!.auditId}`);
    const refused = await stack.api(nv('practitioner'), `/v1/audits/${other.body.id}`, jsonInit('PATCH', { conversationDate: todayInLondon() }, { 'if-match': other.etag }));
    expect([403, 404]).toContain(refused.status);

    // Not yet published: a manager who is no reviewer cannot see it; a reviewer cannot read the report.
    await expectProblem(await stack.api(nv('student'), `/v1/reviews/${review.id}`), 404);
    await expectProblem(await stack.api(nv('practitioner'), `/v1/reviews/${review.id}/report`), 403);

    // Findings, a recommendation and an action from it.
    await expectProblem(await step(nv('senior'), review.id, '/sign-off', {}), 409);
    await expectJson(await step(nv('qa'), review.id, '', { findings: 'Children are seen but their words rarely reach the plan.', themes: ['Seen alone', 'Words in the plan'] }));
    const recommended = await expectJson<ReviewView>(await step(nv('qa'), review.id, '/recommendations', { text: 'Record the child’s own words in every plan review.' }));
    const recommendationId = recommended.recommendations[0]!.id;
    const badAction = await expectProblem(await stack.api(nv('qa'), '/v1/actions', jsonInit('POST', { source: { type: 'review', reviewId: review.id, recommendationId: 'nope' }, description: 'x', ownerId: 'nv-manager', dueDate: todayInLondon() })), 400);
    expect(badAction.errors?.map((e) => e.path)).toEqual(['source.recommendationId', 'teamId']);
    await expectProblem(await stack.api(nv('senior'), '/v1/actions', jsonInit('POST', { source: { type: 'review', reviewId: review.id, recommendationId }, teamId: 'child-in-need', description: 'x', ownerId: 'nv-manager', dueDate: todayInLondon() })), 403);
    const action = await expectJson<Action>(
      await stack.api(
        nv('qa'),
        '/v1/actions',
        jsonInit('POST', { source: { type: 'review', reviewId: review.id, recommendationId }, teamId: 'child-in-need', description: 'Add the child’s words to plan templates', ownerId: 'nv-manager', dueDate: addDays(todayInLondon(), 30) }),
      ),
      201,
    );
    expect(action).toMatchObject({ state: 'open', teamId: 'child-in-need' });
    expect(action.caseRef).toBeUndefined();
    const tracked = await read(nv('qa'), review.id);
    expect(tracked.actions).toEqual([expect.objectContaining({ id: action.id, recommendationId, state: 'open', overdue: false })]);

    // Sign-off is a senior manager's; then publication.
    await expectProblem(await step(nv('qa'), review.id, '/sign-off', {}), 403);
    const signed = await expectJson<ReviewView>(await step(nv('senior'), review.id, '/sign-off', { note: 'Agreed.' }));
    expect(signed).toMatchObject({ state: 'signed-off', signOff: { byId: 'nv-senior', note: 'Agreed.' } });
    await expectProblem(await step(nv('qa'), review.id, '', { findings: 'Changed after sign-off' }), 409);
    const published = await expectJson<ReviewView>(await step(nv('qa'), review.id, '/publish', {}));
    expect(published.state).toBe('published');

    // Every member of staff reads it and its report now; small groups are hidden.
    expect((await read(nv('student'), review.id)).cases).toEqual([]);
    const report = await expectJson<ReviewReport>(await stack.api(nv('student'), `/v1/reviews/${review.id}/report`));
    expect(report.cohort).toMatchObject({ method: 'criteria', cases: 4, reviewed: 1 });
    expect(report.grades).toEqual([{ key: 'good', label: 'Good', shown: { value: null, suppressed: true } }]);
    expect(report.review.themes).toEqual(['Seen alone', 'Words in the plan']);
    expect(report.recommendations[0]!.actions.map((a) => a.id)).toEqual([action.id]);
    expect(JSON.stringify(report)).not.toContain('Discussed and evidenced in the record.');
    const csv = await stack.api(nv('manager'), `/v1/reviews/${review.id}/report/csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('Overall grade,,Good,,fewer than 5');
    const list = await expectJson<ReviewList>(await stack.api(nv('student'), '/v1/reviews'));
    expect(list.items.map((r) => r.id)).toContain(review.id);
    expect(list.items.every((r) => r.state === 'published')).toBe(true);
    await expectProblem(await stack.api(nv('admin'), `/v1/reviews/${review.id}`), 404);
    await expectProblem(await stack.api(nv('admin'), '/v1/reviews'), 403);
  });
});
