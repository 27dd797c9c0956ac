/**
 * Work shadowing over HTTP: a manager books, the practitioner agrees or declines, the
 * family's consent is recorded (and its withdrawal stops everything), the observation is
 * written on the built-in template, and each side reads the other's feedback only once both
 * have written or 14 days have passed, which the API enforces. Leaders read themes, never
 * names, and raise actions from them; reminders go through the outbox.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ShadowingLearning, ShadowingList, ShadowingOverview, ShadowingView } from '@waypoint/shared/shadowing/shadowing-schemas';
import { addDays } from '@waypoint/shared/time/calendar-dates';
import { clock } from '@waypoint/shared/time/clock';
import { sendShadowingReminders } from '@waypoint/functions/jobs/shadowing-reminders-job';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, readVersioned } from './api-client.ts';
import { todayInLondon } from './audits-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});
afterEach(() => clock.set(undefined));

const OBSERVATION = {
  answers: { strengths: { strengths: 'Clear and kind' }, learning: { learning: 'The forms take too long', whatWouldHelp: '' }, child: { childExperience: 'Heard and at ease', childHeard: 'yes' } },
  tags: ['hearing-the-child', 'recording'],
};

async function book(email = nv('manager'), body: Record<string, unknown> = {}) {
  const response = await stack.api(email, '/v1/shadowing', jsonInit('POST', { practitionerId: 'nv-practitioner', work: 'visit', date: todayInLondon(), description: 'A home visit', ...body }));
  return expectJson<ShadowingView>(response, 201);
}

async function step(email: string, id: string, path: string, body: unknown, method: 'POST' | 'PUT' = 'POST') {
  const { etag } = await readVersioned(stack, email, `/v1/shadowing/${id}`);
  return stack.api(email, `/v1/shadowing/${id}/${path}`, jsonInit(method, body, { 'if-match': etag }));
}
const read = async (email: string, id: string) => expectJson<ShadowingView>(await stack.api(email, `/v1/shadowing/${id}`));
const outbox = async () => (await expectJson<{ items: { to: string; subject: string; text: string }[] }>(await stack.api(nv('admin'), '/v1/dev/outbox?limit=100'))).items;

describe('booking', () => {
  it('is for senior and team managers; practitioners, QA and admins get 403', async () => {
    for (const role of ['practitioner', 'student', 'qa', 'admin'] as const) {
      await expectProblem(await stack.api(nv(role), '/v1/shadowing', jsonInit('POST', { practitionerId: 'nv-practitioner', work: 'visit', date: todayInLondon(), description: 'x' })), 403);
    }
  });

  it('refuses a practitioner outside a manager’s teams, someone who is not a practitioner and a day gone, writing nothing', async () => {
    const before = (await expectJson<ShadowingList>(await stack.api(nv('manager'), '/v1/shadowing'))).items.length;
    const outside = await expectProblem(await stack.api(nv('manager'), '/v1/shadowing', jsonInit('POST', { practitionerId: 'nv-sw-02', work: 'visit', date: todayInLondon(), description: 'x' })), 400);
    expect(outside.errors).toEqual([{ path: 'practitionerId', message: 'Choose a practitioner in one of your teams' }]);
    const notPractitioner = await expectProblem(await stack.api(nv('senior'), '/v1/shadowing', jsonInit('POST', { practitionerId: 'nv-qa', work: 'visit', date: addDays(todayInLondon(), -1), description: 'x' })), 400);
    expect(notPractitioner.errors?.map((e) => e.path)).toEqual(['practitionerId', 'date']);
    const bad = await expectProblem(await stack.api(nv('manager'), '/v1/shadowing', jsonInit('POST', { practitionerId: 'nv-practitioner', work: 'lunch', date: todayInLondon(), description: '' })), 400);
    expect(bad.errors?.map((e) => e.path).sort()).toEqual(['description', 'work']);
    expect((await expectJson<ShadowingList>(await stack.api(nv('manager'), '/v1/shadowing'))).items).toHaveLength(before);
  });

  it('lets a senior manager shadow a practitioner in any team, and emails the practitioner', async () => {
    const booked = await book(nv('senior'), { practitionerId: 'nv-sw-02', work: 'meeting' });
    expect(booked).toMatchObject({ state: 'requested', teamId: 'assessment', templateId: 'shadowing-observation', side: 'shadower', moves: ['cancel'] });
    const mail = (await outbox()).filter((m) => m.text.includes(`/shadowing/${booked.id}`));
    expect(mail.map((m) => m.to)).toEqual(['aisha.khan@northvale.example']);
  });
});

describe('a shadowing from request to feedback', () => {
  it('runs: agree, consent, observation, feedback withheld until both have written, then each reads the other’s', async () => {
    const booked = await book();
    // Only the two people see it.
    for (const role of ['qa', 'senior', 'student', 'admin'] as const) await expectProblem(await stack.api(nv(role), `/v1/shadowing/${booked.id}`), 404);
    await expectProblem(await step(nv('manager'), booked.id, 'answer', { answer: 'agree' }), 403);
    await expectProblem(await step(nv('manager'), booked.id, 'observation', OBSERVATION, 'PUT'), 409);
    const agreed = await expectJson<ShadowingView>(await step(nv('practitioner'), booked.id, 'answer', { answer: 'agree' }));
    expect(agreed).toMatchObject({ state: 'agreed', side: 'practitioner', moves: ['record-consent'] });
    const told = (await outbox()).filter((m) => m.to === 'manager@northvale.example' && m.text.includes(`/shadowing/${booked.id}`));
    expect(told.map((m) => m.subject)).toEqual(['Priya Shah agreed to be shadowed']);

    // Consent first for a visit.
    await expectProblem(await step(nv('manager'), booked.id, 'observation', OBSERVATION, 'PUT'), 409);
    const future = await expectProblem(await step(nv('practitioner'), booked.id, 'consent', { givenBy: 'Mother', how: 'phone', givenOn: addDays(todayInLondon(), 1) }, 'PUT'), 400);
    expect(future.errors).toEqual([{ path: 'givenOn', message: 'The day consent was given cannot be in the future' }]);
    const consented = await expectJson<ShadowingView>(await step(nv('practitioner'), booked.id, 'consent', { givenBy: 'Mother', how: 'phone', givenOn: todayInLondon() }, 'PUT'));
    expect(consented.consent).toMatchObject({ givenBy: 'Mother', how: 'phone', recordedById: 'nv-practitioner' });

    const missing = await expectProblem(await step(nv('manager'), booked.id, 'observation', { answers: { strengths: { strengths: 'x' } }, tags: [] }, 'PUT'), 400);
    expect(missing.errors?.map((e) => e.path)).toEqual(['answers.learning.learning', 'answers.child.childExperience']);
    await expectProblem(await step(nv('manager'), booked.id, 'observation', { ...OBSERVATION, tags: ['league-table'] }, 'PUT'), 400);
    await expectJson(await step(nv('manager'), booked.id, 'observation', OBSERVATION, 'PUT'));

    await expectJson(await step(nv('manager'), booked.id, 'feedback', { forPractitioner: 'Kept calm under pressure' }, 'PUT'));
    // The practitioner cannot read the observation or feedback before writing theirs; only that it exists.
    const waiting = await read(nv('practitioner'), booked.id);
    expect(waiting.revealed).toBe(false);
    expect(waiting.observation).toEqual({ withheld: true, writtenAt: expect.any(String) });
    expect(waiting.shadowerFeedback).toEqual({ withheld: true, writtenAt: expect.any(String) });
    expect(JSON.stringify(waiting)).not.toContain('Kept calm under pressure');
    const list = await expectJson<ShadowingList>(await stack.api(nv('practitioner'), '/v1/shadowing?as=practitioner'));
    expect(JSON.stringify(list)).not.toContain('Kept calm under pressure');
    const nudged = (await outbox()).filter((m) => m.to === 'practitioner@northvale.example' && m.subject.startsWith('Feedback on your work shadowing') && m.text.includes(`/shadowing/${booked.id}`));
    expect(nudged).toHaveLength(1);
    await expectProblem(await step(nv('manager'), booked.id, 'feedback', { forPractitioner: 'Again' }, 'PUT'), 409);
    // The practitioner's body is theirs: the shadower's field is unknown to them.
    await expectProblem(await step(nv('practitioner'), booked.id, 'feedback', { forPractitioner: 'x' }, 'PUT'), 400);

    const both = await expectJson<ShadowingView>(await step(nv('practitioner'), booked.id, 'feedback', { aboutShadower: 'Asked first', forLeaders: 'Fewer forms' }, 'PUT'));
    expect(both).toMatchObject({ revealed: true, shadowerFeedback: { forPractitioner: 'Kept calm under pressure' }, observation: { tags: ['hearing-the-child', 'recording'] } });
    expect(await read(nv('manager'), booked.id)).toMatchObject({ revealed: true, practitionerFeedback: { aboutShadower: 'Asked first', forLeaders: 'Fewer forms' }, moves: ['withdraw-consent'] });
  });

  it('reveals each side’s writing 14 days after the work even when one has not written', async () => {
    // The demo duty shift five days ago has the shadower's feedback only.
    const early = await read(nv('practitioner'), 'nv-shadowing-3');
    expect(early).toMatchObject({ revealed: false, shadowerFeedback: { withheld: true } });
    clock.set(new Date(`${addDays(todayInLondon(), 10)}T12:00:00Z`));
    const later = await read(nv('practitioner'), 'nv-shadowing-3');
    expect(later.revealed).toBe(true);
    expect(later.shadowerFeedback).toMatchObject({ forPractitioner: expect.stringContaining('hard call') });
  });

  it('a practitioner may decline with a reason, after which nothing more can happen', async () => {
    const booked = await book();
    const declined = await expectJson<ShadowingView>(await step(nv('practitioner'), booked.id, 'answer', { answer: 'decline', reason: 'A difficult week for the family' }));
    expect(declined).toMatchObject({ state: 'declined', declineReason: 'A difficult week for the family', moves: [] });
    await expectProblem(await step(nv('practitioner'), booked.id, 'answer', { answer: 'agree' }), 409);
  });

  it('a withdrawal of consent stops the shadowing and removes the observation', async () => {
    const booked = await book();
    await expectJson(await step(nv('practitioner'), booked.id, 'answer', { answer: 'agree' }));
    await expectJson(await step(nv('manager'), booked.id, 'consent', { givenBy: 'Father', how: 'in-person', givenOn: todayInLondon() }, 'PUT'));
    await expectJson(await step(nv('manager'), booked.id, 'observation', OBSERVATION, 'PUT'));
    const stopped = await expectJson<ShadowingView>(await step(nv('practitioner'), booked.id, 'consent/withdrawal', { how: 'phone', withdrawnOn: todayInLondon(), note: 'Changed their mind' }));
    expect(stopped).toMatchObject({ state: 'stopped', withdrawal: { how: 'phone', note: 'Changed their mind' }, moves: [] });
    expect(stopped).not.toHaveProperty('observation');
    await expectProblem(await step(nv('manager'), booked.id, 'feedback', { forPractitioner: 'x' }, 'PUT'), 409);
  });

  it('needs If-Match on every step (428), refuses a stale one (412) and changes nothing', async () => {
    const booked = await book();
    await expectProblem(await stack.api(nv('practitioner'), `/v1/shadowing/${booked.id}/answer`, jsonInit('POST', { answer: 'agree' })), 428);
    await expectProblem(await stack.api(nv('practitioner'), `/v1/shadowing/${booked.id}/answer`, jsonInit('POST', { answer: 'agree' }, { 'if-match': '"7"' })), 412);
    expect((await read(nv('practitioner'), booked.id)).state).toBe('requested');
  });
});

describe('the learning view', () => {
  it('counts themes for leaders in the list’s order, names nobody, and lists the actions raised from it', async () => {
    await expectProblem(await stack.api(nv('practitioner'), '/v1/shadowing/learning'), 403);
    const learning = await expectJson<ShadowingLearning>(await stack.api(nv('qa'), '/v1/shadowing/learning'));
    expect(learning.themes.find((t) => t.theme === 'workload-and-time')?.count).toBe(3);
    expect(learning.themes[0]!.theme).toBe('hearing-the-child');
    expect(JSON.stringify(learning)).not.toMatch(/Priya|Aisha|nv-practitioner|nv-sw-/);
    expect(learning.actions.map((a) => a.theme)).toEqual(['workload-and-time']);

    const action = await expectJson<{ id: string; teamId: string }>(
      await stack.api(nv('senior'), '/v1/actions', jsonInit('POST', { source: { type: 'shadowing', theme: 'recording' }, teamId: 'assessment', description: 'One visit form', ownerId: 'nv-sw-02', dueDate: addDays(todayInLondon(), 14) })),
      201,
    );
    expect(action.teamId).toBe('assessment');
    const after = await expectJson<ShadowingLearning>(await stack.api(nv('senior'), '/v1/shadowing/learning'));
    expect(after.actions.map((a) => a.id)).toContain(action.id);
    // A team manager raises for their own teams only, and sees only their teams' actions here.
    const other = await expectProblem(
      await stack.api(nv('manager'), '/v1/actions', jsonInit('POST', { source: { type: 'shadowing', theme: 'recording' }, teamId: 'assessment', description: 'x', ownerId: 'nv-sw-02', dueDate: addDays(todayInLondon(), 14) })),
      400,
    );
    expect(other.errors).toEqual([{ path: 'teamId', message: 'Choose one of your own teams' }]);
    const managers = await expectJson<ShadowingLearning>(await stack.api(nv('manager'), '/v1/shadowing/learning'));
    expect(managers.actions.map((a) => a.id)).not.toContain(action.id);
  });
});

describe('what practitioners said leaders should change', () => {
  it('reaches leaders in the learning view without a name, once the person shadowing could read it', async () => {
    const booked = await book();
    await expectJson(await step(nv('practitioner'), booked.id, 'answer', { answer: 'agree' }));
    await expectJson(await step(nv('practitioner'), booked.id, 'consent', { givenBy: 'Mother', how: 'in-person', givenOn: todayInLondon() }, 'PUT'));
    await expectJson(await step(nv('practitioner'), booked.id, 'feedback', { aboutShadower: 'Quiet and kind', forLeaders: 'Cover for the duty desk on visit days' }, 'PUT'));
    const learning = await expectJson<ShadowingLearning>(await stack.api(nv('senior'), '/v1/shadowing/learning'));
    expect(learning.leadersShouldChange).toContain('Recording the same visit in three places takes an hour a day; please fix the forms.');
    // Not yet revealed to the manager who shadowed, so not here either.
    expect(learning.leadersShouldChange).not.toContain('Cover for the duty desk on visit days');
    await expectJson(await step(nv('manager'), booked.id, 'observation', OBSERVATION, 'PUT'));
    await expectJson(await step(nv('manager'), booked.id, 'feedback', { forPractitioner: 'Thank you' }, 'PUT'));
    const after = await expectJson<ShadowingLearning>(await stack.api(nv('qa'), '/v1/shadowing/learning'));
    expect(after.leadersShouldChange[0]).toBe('Cover for the duty desk on visit days');
    expect(JSON.stringify(after)).not.toMatch(/Priya|nv-practitioner/);
  });
});

describe('the leaders’ list of all shadowing', () => {
  it('shows senior managers and QA every shadowing’s progress without what anyone wrote', async () => {
    for (const role of ['practitioner', 'student', 'admin'] as const) await expectProblem(await stack.api(nv(role), '/v1/shadowing/all'), 403);
    const all = await expectJson<ShadowingOverview>(await stack.api(nv('qa'), '/v1/shadowing/all'));
    expect(all.items.find((s) => s.id === 'nv-shadowing-3')).toMatchObject({ work: 'duty-shift', state: 'agreed', consent: 'not-needed', observed: true, shadowerFeedback: true, practitionerFeedback: false });
    expect(all.items.find((s) => s.id === 'nv-shadowing-1')).toMatchObject({ consent: 'given', practitionerFeedback: true });
    expect(all.people['nv-sw-02']).toBe('Aisha Khan');
    expect(JSON.stringify(all)).not.toMatch(/hard call|please fix the forms|description/);
  });

  it('shows a team manager their own teams’ shadowing and what they booked', async () => {
    const mine = await expectJson<ShadowingOverview>(await stack.api(nv('manager'), '/v1/shadowing/all'));
    expect(mine.items.map((s) => s.id)).toContain('nv-shadowing-1');
    expect(mine.items.map((s) => s.id)).not.toContain('nv-shadowing-2');
  });
});

describe('reminders', () => {
  it('remind of feedback still owed once a week, and running twice sends nothing new', async () => {
    clock.set(new Date(`${addDays(todayInLondon(), 1)}T07:00:00Z`));
    const first = await sendShadowingReminders(stack.jobDependencies);
    expect(first.shadowingReminders).toBeGreaterThan(0);
    const again = await sendShadowingReminders(stack.jobDependencies);
    expect(again.shadowingReminders).toBe(0);
    const reminders = (await outbox()).filter((m) => m.subject === 'A reminder: your feedback on work shadowing' && m.text.includes('/shadowing/nv-shadowing-3'));
    expect(reminders.map((m) => m.to)).toEqual(['practitioner@northvale.example']);
  });
});
