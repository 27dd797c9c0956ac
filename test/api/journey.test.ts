/** `/v1/cases/{ref}/journey` over HTTP: recording the child's journey, its rules, and the journey each audit shows. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit, AuditDetail } from '@waypoint/shared/audits/audit-schemas';
import type { CaseJourney } from '@waypoint/shared/journey/journey-schemas';
import { addDays, addWorkingDays } from '@waypoint/shared/time/calendar-dates';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, readVersioned } from './api-client.ts';
import { moveAudit, patchAudit, planAudit, requiredAnswers, todayInLondon } from './audits-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const path = (ref: string) => `/v1/cases/${ref}/journey`;
const add = (email: string, ref: string, event: Record<string, unknown>, headers: Record<string, string> = {}) => stack.api(email, path(ref), jsonInit('POST', event, headers));
const change = (email: string, ref: string, id: string, etag: string, body: Record<string, unknown>) => stack.api(email, `${path(ref)}/events/${id}`, jsonInit('PATCH', body, { 'if-match': etag }));
const remove = (email: string, ref: string, id: string, etag: string) => stack.api(email, `${path(ref)}/events/${id}`, { method: 'DELETE', headers: { 'if-match': etag } });
const daysAgo = (n: number) => addDays(todayInLondon(), -n);

describe('reading a journey', () => {
  it('gives the seeded events by date with each statutory timescale judged today, and the version as the ETag', async () => {
    const { body, etag } = await readVersioned<CaseJourney>(stack, nv('practitioner'), path('NV-00001'));
    expect(etag).toBe('"1"');
    expect(body).toMatchObject({ caseRef: 'NV-00001', today: todayInLondon(), version: 1 });
    expect(body.events.map((e) => e.date)).toEqual([...body.events.map((e) => e.date)].sort());
    expect(body.timescales.find((t) => t.rule.startsWith('Assessment completed within 45 working days'))?.status).toMatch(/^(met|missed)$/);
  });

  it('is version 0 with no events before anything is recorded', async () => {
    const { body, etag } = await readVersioned<CaseJourney>(stack, nv('qa'), path('NV-00050'));
    expect(etag).toBe('"0"');
    expect(body).toMatchObject({ events: [], timescales: [], version: 0 });
  });

  it('is 404 for a case outside the caller’s scope, as for one that does not exist, and for tenant admins', async () => {
    for (const [role, ref] of [
      ['manager', 'NV-00013'],
      ['practitioner', 'NV-00007'],
      ['student', 'NV-00004'],
      ['admin', 'NV-00001'],
    ] as const) {
      const hidden = await expectProblem(await stack.api(nv(role), path(ref)), 404);
      const missing = await expectProblem(await stack.api(nv(role), path('NV-99999')), 404);
      expect(hidden.detail).toBe(missing.detail);
    }
  });
});

describe('recording events', () => {
  it('adds an event and judges the timescale it starts: an assessment met within 45 working days', async () => {
    const referral = daysAgo(80);
    const first = await add(nv('manager'), 'NV-00041', { type: 'referral', date: referral, note: 'Referral from the health visitor.' });
    const afterReferral = await expectJson<CaseJourney>(first, 201);
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.headers.get('location')).toBe(`/v1/cases/NV-00041/journey/events/${afterReferral.events[0]!.id}`);
    expect(afterReferral.events[0]).toMatchObject({ type: 'referral', date: referral, note: 'Referral from the health visitor.', recordedById: 'nv-manager' });
    expect(afterReferral.timescales[0]).toMatchObject({ status: 'overdue', dueDate: addWorkingDays(referral, 45) });
    const assessed = await expectJson<CaseJourney>(await add(nv('manager'), 'NV-00041', { type: 'assessment-completed', date: addWorkingDays(referral, 45) }), 201);
    expect(assessed.version).toBe(2);
    expect(assessed.timescales[0]).toMatchObject({ status: 'met', answeredOn: addWorkingDays(referral, 45) });
  });

  it('lets the case holder record events, but not a student (403)', async () => {
    await expectJson(await add(nv('practitioner'), 'NV-00002', { type: 'plan', date: daysAgo(1) }), 201);
    await expectProblem(await add(nv('student'), 'NV-00002', { type: 'plan', date: daysAgo(1) }), 403);
    await expectProblem(await add(nv('practitioner'), 'NV-00013', { type: 'plan', date: daysAgo(1) }), 404);
  });

  it('refuses an event out of order or in the future with 400 on `date`, writing nothing', async () => {
    const { body: before } = await readVersioned<CaseJourney>(stack, nv('manager'), path('NV-00042'));
    const refused: Record<string, unknown>[] = [
      { type: 'assessment-completed', date: daysAgo(10) },
      { type: 'initial-cp-conference', date: daysAgo(10) },
      { type: 'review-cp-conference', date: daysAgo(10) },
      { type: 'looked-after-review', date: daysAgo(10) },
      { type: 'contact', date: addDays(todayInLondon(), 1) },
      { type: 'contact', date: '2014-12-31' },
      { type: 'contact', date: '2026-02-30' },
    ];
    for (const event of refused) {
      const problem = await expectProblem(await add(nv('manager'), 'NV-00042', event), 400);
      expect(
        problem.errors?.map((e) => e.path),
        JSON.stringify(event),
      ).toEqual(['date']);
    }
    const initial = await expectProblem(await add(nv('manager'), 'NV-00042', { type: 'initial-cp-conference', date: daysAgo(3) }), 400);
    expect(initial.errors?.[0]?.message).toMatch(/strategy discussion/);
    const badType = await expectProblem(await add(nv('manager'), 'NV-00042', { type: 'adoption', date: daysAgo(3), tenantId: 'x' }), 400);
    expect(badType.errors?.map((e) => e.path).sort()).toEqual(['tenantId', 'type']);
    expect((await readVersioned<CaseJourney>(stack, nv('manager'), path('NV-00042'))).body).toEqual(before);
  });

  it('accepts a conference once the strategy discussion is recorded before it', async () => {
    await expectJson(await add(nv('manager'), 'NV-00043', { type: 'strategy-discussion', date: daysAgo(20) }), 201);
    const journey = await expectJson<CaseJourney>(await add(nv('manager'), 'NV-00043', { type: 'initial-cp-conference', date: daysAgo(2) }), 201);
    expect(journey.timescales.find((t) => t.rule.startsWith('Initial child protection conference'))?.status).toMatch(/^(met|missed)$/);
  });

  it('adds to the journey as it now is without If-Match, and only to the version quoted with it', async () => {
    const { etag } = await readVersioned<CaseJourney>(stack, nv('manager'), path('NV-00044'));
    await expectJson(await add(nv('qa'), 'NV-00044', { type: 'contact', date: daysAgo(9) }), 201);
    await expectProblem(await add(nv('manager'), 'NV-00044', { type: 'contact', date: daysAgo(8) }, { 'if-match': etag }), 412);
    const added = await expectJson<CaseJourney>(await add(nv('manager'), 'NV-00044', { type: 'contact', date: daysAgo(8) }), 201);
    expect(added.events).toHaveLength(2);
  });

  it('adds every event of a burst of simultaneous additions', async () => {
    const responses = await Promise.all([1, 2, 3].map((n) => add(nv('manager'), 'NV-00045', { type: 'contact', date: daysAgo(n) })));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 201, 201]);
    expect((await readVersioned<CaseJourney>(stack, nv('manager'), path('NV-00045'))).body.events).toHaveLength(3);
  });
});

describe('correcting and removing events', () => {
  it('needs the journey’s ETag: 428 without, 412 when stale, 404 for an unknown event', async () => {
    const journey = await expectJson<CaseJourney>(await add(nv('manager'), 'NV-00046', { type: 'contact', date: daysAgo(30) }), 201);
    const id = journey.events[0]!.id;
    await expectProblem(await stack.api(nv('manager'), `${path('NV-00046')}/events/${id}`, jsonInit('PATCH', { note: 'x' })), 428);
    await expectProblem(await change(nv('manager'), 'NV-00046', id, '"7"', { note: 'x' }), 412);
    await expectProblem(await change(nv('manager'), 'NV-00046', 'no-such-event', '"1"', { note: 'x' }), 404);
    await expectProblem(await stack.api(nv('manager'), `${path('NV-00046')}/events/${id}`, { method: 'DELETE' }), 428);
  });

  it('corrects a date and a note, and removes the note with null', async () => {
    const journey = await expectJson<CaseJourney>(await add(nv('manager'), 'NV-00047', { type: 'contact', date: daysAgo(30), note: 'Typo' }), 201);
    const id = journey.events[0]!.id;
    const moved = await expectJson<CaseJourney>(await change(nv('manager'), 'NV-00047', id, '"1"', { date: daysAgo(31), note: 'Call from the school nurse.' }));
    expect(moved.events[0]).toMatchObject({ id, date: daysAgo(31), note: 'Call from the school nurse.', type: 'contact' });
    const cleared = await expectJson<CaseJourney>(await change(nv('manager'), 'NV-00047', id, '"2"', { note: null }));
    expect(cleared.events[0]).not.toHaveProperty('note');
    const empty = await expectProblem(await change(nv('manager'), 'NV-00047', id, '"3"', {}), 400);
    expect(empty.errors?.[0]?.path).toBe('(body)');
  });

  it('refuses a change that leaves another event out of order (400) or a removal others depend on (409), writing nothing', async () => {
    await expectJson(await add(nv('manager'), 'NV-00048', { type: 'referral', date: daysAgo(40) }), 201);
    const journey = await expectJson<CaseJourney>(await add(nv('manager'), 'NV-00048', { type: 'assessment-completed', date: daysAgo(10) }), 201);
    const referral = journey.events.find((e) => e.type === 'referral')!;
    const moved = await expectProblem(await change(nv('manager'), 'NV-00048', referral.id, '"2"', { date: daysAgo(5) }), 400);
    expect(moved.errors).toEqual([{ path: 'date', message: expect.stringMatching(/Assessment completed.*out of order/) }]);
    const future = await expectProblem(await change(nv('manager'), 'NV-00048', referral.id, '"2"', { date: addDays(todayInLondon(), 3) }), 400);
    expect(future.errors?.map((e) => e.message)).toContain('A journey event cannot be in the future');
    const removal = await expectProblem(await remove(nv('manager'), 'NV-00048', referral.id, '"2"'), 409);
    expect(removal.detail).toMatch(/depend/);
    expect((await readVersioned<CaseJourney>(stack, nv('manager'), path('NV-00048'))).body.version).toBe(2);
    const assessment = journey.events.find((e) => e.type === 'assessment-completed')!;
    const left = await expectJson<CaseJourney>(await remove(nv('manager'), 'NV-00048', assessment.id, '"2"'));
    expect(left.events.map((e) => e.type)).toEqual(['referral']);
    expect(left.version).toBe(3);
  });
});

describe('the journey on an audit', () => {
  it('is the case’s journey now while the audit is open, frozen as it stood when it completes, and grows into the next audit', async () => {
    await expectJson(await add(nv('manager'), 'NV-00049', { type: 'referral', date: daysAgo(60) }), 201);
    const planned = await planAudit(stack, { caseRef: 'NV-00049' });
    const open = await expectJson<AuditDetail>(await stack.api(nv('manager'), `/v1/audits/${planned.audit.id}`));
    expect(open.journey).toMatchObject({ source: 'live', asOf: todayInLondon(), journeyVersion: 1 });
    expect(open.journey?.events.map((e) => e.type)).toEqual(['referral']);
    expect(open.journey?.timescales[0]?.status).toBe('due');

    const ready = await patchAudit(stack, planned, { conversationDate: todayInLondon(), answers: requiredAnswers() });
    const done = await expectJson<Audit>(await moveAudit(stack, ready, 'complete'));
    await expectJson(await add(nv('manager'), 'NV-00049', { type: 'assessment-completed', date: todayInLondon() }), 201);

    const completed = await expectJson<AuditDetail>(await stack.api(nv('manager'), `/v1/audits/${done.id}`));
    expect(completed.journey).toMatchObject({ source: 'snapshot', asOf: todayInLondon(), journeyVersion: 1 });
    expect(completed.journey?.events.map((e) => e.type)).toEqual(['referral']);

    const next = await planAudit(stack, { caseRef: 'NV-00049' });
    const nextView = await expectJson<AuditDetail>(await stack.api(nv('manager'), `/v1/audits/${next.audit.id}`));
    expect(nextView.journey?.events.map((e) => e.type)).toEqual(['referral', 'assessment-completed']);
    expect(nextView.journey?.timescales[0]?.status).toBe('met');
  });

  it('shows a seeded completed audit the journey as it stood then, and names who recorded it', async () => {
    const history = await expectJson<{ items: Audit[] }>(await stack.api(nv('manager'), '/v1/cases/NV-00001/audits'));
    const completed = history.items.find((a) => a.state === 'completed')!;
    const detail = await expectJson<AuditDetail>(await stack.api(nv('manager'), `/v1/audits/${completed.id}`));
    expect(detail.journey?.source).toBe('snapshot');
    for (const event of detail.journey!.events) expect(event.date <= detail.journey!.asOf).toBe(true);
    expect(detail.people['nv-manager']).toBe('Morgan Ellis');
  });
});
