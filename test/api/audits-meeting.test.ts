/**
 * Booking the meeting for an audit conversation: at planning, then moved or cancelled with
 * If-Match, with its rules (a time already gone today included), who may, and the emails.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Audit, AuditDetail, AuditPage } from '@waypoint/shared/audits/audit-schemas';
import { meetingLabel, meetingNow } from '@waypoint/shared/audits/audit-meeting';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import { addDays, addMonths, monthEnd } from '@waypoint/shared/time/calendar-dates';
import { clock } from '@waypoint/shared/time/clock';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, readAllPages, sm } from './api-client.ts';
import { completedAudit, messagesAbout, moveAudit, patchAudit, planAudit, todayInLondon, type Saved } from './audits-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});
afterEach(() => clock.set(undefined));

const today = todayInLondon();
/** Next month, so every date below is in the future and inside the audit's month whatever today is. */
const month = addMonths(`${today.slice(0, 7)}-01`, 1).slice(0, 7);
const inMonth = (day: number) => `${month}-${String(day).padStart(2, '0')}`;

const putMeeting = (email: string, auditId: string, body: unknown, etag?: string) => stack.api(email, `/v1/audits/${auditId}/meeting`, jsonInit('PUT', body, etag ? { 'if-match': etag } : {}));

const deleteMeeting = (email: string, auditId: string, headers: Record<string, string> = {}) => stack.api(email, `/v1/audits/${auditId}/meeting`, { method: 'DELETE', headers });

async function saved(response: Response): Promise<Saved> {
  const audit = await expectJson<Audit>(response);
  return { audit, etag: response.headers.get('etag')! };
}

async function read(auditId: string): Promise<AuditDetail> {
  return expectJson<AuditDetail>(await stack.api(nv('qa'), `/v1/audits/${auditId}`));
}

const meetingMessages = async (auditId: string) => (await messagesAbout(stack, auditId)).filter((m) => m.subject.startsWith('Audit meeting for case'));
const cancelledMessages = async (auditId: string) => (await messagesAbout(stack, auditId)).filter((m) => m.subject.startsWith('Audit meeting cancelled'));

type ActivityEntry = { entity: string; entityId: string; versionBefore: number; versionAfter: number; changes: string[] };
const auditActivity = async (auditId: string) => (await readAllPages<ActivityEntry>(stack, nv('qa'), '/v1/activity?limit=100')).items.filter((e) => e.entity === 'audit' && e.entityId === auditId);

describe('booking the meeting when planning', () => {
  it('keeps the day and time on the audit, names them in the case holder’s email and tells the student', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00001', month, studentId: 'nv-student', meetingDate: inMonth(12), meetingTime: '14:30' });
    expect(planned.audit).toMatchObject({ month, meetingDate: inMonth(12), meetingTime: '14:30', state: 'planned' });
    expect(await read(planned.audit.id)).toMatchObject({ meetingDate: inMonth(12), meetingTime: '14:30' });
    const when = meetingLabel({ meetingDate: inMonth(12), meetingTime: '14:30' });
    const messages = await messagesAbout(stack, planned.audit.id);
    const toHolder = messages.filter((m) => m.to === 'practitioner@northvale.example');
    expect(toHolder).toHaveLength(1);
    expect(toHolder[0]!.text).toContain(`You will meet to talk it through on ${when}`);
    const toStudent = messages.filter((m) => m.to === 'student@northvale.example');
    expect(toStudent.map((m) => m.subject)).toEqual([`Audit meeting for case NV-00001: ${when}`]);
  });

  it('leaves the meeting out when none is given, as audits always did', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00002', month });
    expect(planned.audit.meetingDate).toBeUndefined();
    expect(planned.audit.meetingTime).toBeUndefined();
    expect(await meetingMessages(planned.audit.id)).toEqual([]);
  });

  it('refuses a bad meeting with 400 naming the field, and plans nothing', async () => {
    const before = (await readAllPages<{ id: string }>(stack, nv('manager'), '/v1/audits?caseRef=NV-00003&limit=100')).items.length;
    const bad: [Record<string, unknown>, string][] = [
      [{ meetingDate: '2026-02-30' }, 'meetingDate'],
      [{ meetingDate: inMonth(12), meetingTime: '25:00' }, 'meetingTime'],
      [{ meetingDate: inMonth(12), meetingTime: '2pm' }, 'meetingTime'],
      [{ meetingTime: '14:30' }, 'meetingDate'],
      [{ meetingDate: addDays(today, -1), month: today.slice(0, 7) }, 'meetingDate'],
    ];
    for (const [body, path] of bad) {
      const problem = await expectProblem(await stack.api(nv('manager'), '/v1/audits', jsonInit('POST', { caseRef: 'NV-00003', templateId: 'journey-of-the-child', month, ...body })), 400);
      expect(
        problem.errors?.map((e) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expect((await readAllPages<{ id: string }>(stack, nv('manager'), '/v1/audits?caseRef=NV-00003&limit=100')).items.length).toBe(before);
  });
});

describe('moving the meeting', () => {
  it('changes day and time with If-Match, logs it, and emails the case holder and student once', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00001', month, studentId: 'nv-student', meetingDate: inMonth(12), meetingTime: '14:30' });
    const moved = await saved(await putMeeting(nv('manager'), planned.audit.id, { meetingDate: inMonth(19), meetingTime: '09:15' }, planned.etag));
    expect(moved.audit).toMatchObject({ meetingDate: inMonth(19), meetingTime: '09:15', version: 2, state: 'planned' });
    expect(moved.etag).toBe('"2"');
    expect(await read(planned.audit.id)).toMatchObject({ meetingDate: inMonth(19), meetingTime: '09:15', version: 2 });

    const when = meetingLabel({ meetingDate: inMonth(19), meetingTime: '09:15' });
    const sent = (await meetingMessages(planned.audit.id)).filter((m) => m.subject.endsWith(when));
    expect(sent.map((m) => m.to).sort()).toEqual(['practitioner@northvale.example', 'student@northvale.example']);
    expect(sent[0]!.text).toContain(`is booked for ${when}.`);
    expect(sent[0]!.text).not.toContain('late');

    const { items } = await readAllPages<{ entity: string; entityId: string; versionAfter: number; changes: string[] }>(stack, nv('qa'), '/v1/activity?limit=100');
    expect(items.find((e) => e.entity === 'audit' && e.entityId === planned.audit.id && e.versionAfter === 2)?.changes).toEqual(['meetingDate', 'meetingTime']);

    // Leaving the time out removes it; the day alone is booked.
    const dayOnly = await saved(await putMeeting(nv('manager'), planned.audit.id, { meetingDate: inMonth(19) }, moved.etag));
    expect(dayOnly.audit.meetingTime).toBeUndefined();
    expect((await read(planned.audit.id)).meetingTime).toBeUndefined();
  });

  it('books a meeting on an audit planned without one, and allows a day after the month’s end, saying the audit will be late', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00004', month });
    const late = addDays(monthEnd(month), 3);
    const booked = await saved(await putMeeting(nv('qa'), planned.audit.id, { meetingDate: late, meetingTime: '11:00' }, planned.etag));
    expect(booked.audit).toMatchObject({ meetingDate: late, meetingTime: '11:00' });
    const [message, ...others] = await meetingMessages(planned.audit.id);
    expect(others).toEqual([]);
    expect(message!.to).toBe('practitioner@northvale.example');
    expect(message!.text).toContain('after the audit is due, so it will be late');
  });

  it('answers 412 to a stale version and 428 without If-Match, changing nothing', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00002', month, meetingDate: inMonth(5) });
    await saved(await putMeeting(nv('manager'), planned.audit.id, { meetingDate: inMonth(6) }, planned.etag));
    await expectProblem(await putMeeting(nv('manager'), planned.audit.id, { meetingDate: inMonth(7) }, planned.etag), 412);
    await expectProblem(await putMeeting(nv('manager'), planned.audit.id, { meetingDate: inMonth(7) }), 428);
    expect(await read(planned.audit.id)).toMatchObject({ meetingDate: inMonth(6), version: 2 });
  });

  it('refuses bad input with 400 problem+json and writes nothing, nor emails anyone', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00005', month, meetingDate: inMonth(10), meetingTime: '10:00' });
    const messagesBefore = (await messagesAbout(stack, planned.audit.id)).length;
    const bad: [unknown, string | undefined][] = [
      [{ meetingDate: '2026-13-01' }, 'meetingDate'],
      [{ meetingDate: 'next tuesday' }, 'meetingDate'],
      [{ meetingDate: inMonth(10), meetingTime: '24:00' }, 'meetingTime'],
      [{ meetingDate: inMonth(10), meetingTime: '9:30' }, 'meetingTime'],
      [{ meetingTime: '10:00' }, 'meetingDate'],
      [{ meetingDate: addDays(today, -1) }, 'meetingDate'],
      [{ meetingDate: addDays(`${month}-01`, -1) > today ? addDays(`${month}-01`, -1) : '1999-01-01' }, 'meetingDate'],
      [{ meetingDate: addMonths(monthEnd(month), 13) }, 'meetingDate'],
      [{ meetingDate: inMonth(10), room: 'B2' }, undefined],
    ];
    for (const [body, path] of bad) {
      const response = await putMeeting(nv('manager'), planned.audit.id, body, planned.etag);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = await expectProblem(response, 400);
      if (path)
        expect(
          problem.errors?.map((e) => e.path),
          JSON.stringify(body),
        ).toContain(path);
    }
    expect(await read(planned.audit.id)).toMatchObject({ meetingDate: inMonth(10), meetingTime: '10:00', version: 1 });
    expect(await messagesAbout(stack, planned.audit.id)).toHaveLength(messagesBefore);
  });

  it('keeps the audit’s month from moving past its booked meeting', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00010', month, meetingDate: inMonth(10) });
    const later = addMonths(`${month}-01`, 1).slice(0, 7);
    const problem = await expectProblem(await stack.api(nv('manager'), `/v1/audits/${planned.audit.id}`, jsonInit('PATCH', { month: later }, { 'if-match': planned.etag })), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['month']);
    expect((await read(planned.audit.id)).month).toBe(month);
    const moved = await saved(await putMeeting(nv('manager'), planned.audit.id, { meetingDate: `${later}-03` }, planned.etag));
    expect((await patchAudit(stack, moved, { month: later })).audit).toMatchObject({ month: later, meetingDate: `${later}-03` });
  });

  it('refuses a completed or cancelled audit (409)', async () => {
    const done = await completedAudit(stack, { caseRef: 'NV-00006' });
    await expectProblem(await putMeeting(nv('manager'), done.audit.id, { meetingDate: inMonth(3) }, done.etag), 409);
    const planned = await planAudit(stack, { caseRef: 'NV-00006', month });
    const cancelled = await saved(await moveAudit(stack, planned, 'cancel', { reason: 'Case transferred' }));
    await expectProblem(await putMeeting(nv('manager'), planned.audit.id, { meetingDate: inMonth(3) }, cancelled.etag), 409);
    expect((await read(planned.audit.id)).meetingDate).toBeUndefined();
  });
});

describe('a time already gone today', () => {
  /** Today in London at 11:00 UTC (11:00 or 12:00 London), this month's audits in scope. */
  function atEleven(): { thisMonth: string; now: { today: string; time: string } } {
    clock.set(new Date(`${today}T11:00:00Z`));
    return { thisMonth: today.slice(0, 7), now: meetingNow(clock.now()) };
  }
  const minuteBefore = (time: string) => {
    const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) - 1;
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  };

  it('is refused on meetingTime a minute before now, and accepted at the current minute, when booking or moving', async () => {
    const { thisMonth, now } = atEleven();
    const planned = await planAudit(stack, { caseRef: 'NV-00011', month: thisMonth });
    const problem = await expectProblem(await putMeeting(nv('manager'), planned.audit.id, { meetingDate: now.today, meetingTime: minuteBefore(now.time) }, planned.etag), 400);
    expect(problem.errors).toEqual([{ path: 'meetingTime', message: `That time has passed today (it is now ${now.time})` }]);
    expect((await read(planned.audit.id)).meetingDate).toBeUndefined();

    const booked = await saved(await putMeeting(nv('manager'), planned.audit.id, { meetingDate: now.today, meetingTime: now.time }, planned.etag));
    expect(booked.audit).toMatchObject({ meetingDate: now.today, meetingTime: now.time });
    // The day alone, and an earlier time on a later day, are not in the past.
    const dayOnly = await saved(await putMeeting(nv('manager'), planned.audit.id, { meetingDate: now.today }, booked.etag));
    expect((await read(planned.audit.id)).meetingTime).toBeUndefined();
    const tomorrow = addDays(now.today, 1);
    expect((await saved(await putMeeting(nv('manager'), planned.audit.id, { meetingDate: tomorrow, meetingTime: '00:00' }, dayOnly.etag))).audit).toMatchObject({ meetingDate: tomorrow, meetingTime: '00:00' });
  });

  it('is refused when planning an audit, which is then not planned', async () => {
    const { thisMonth, now } = atEleven();
    const before = (await readAllPages<{ id: string }>(stack, nv('manager'), '/v1/audits?caseRef=NV-00012&limit=100')).items.length;
    const body = { caseRef: 'NV-00012', templateId: 'journey-of-the-child', month: thisMonth, meetingDate: now.today, meetingTime: minuteBefore(now.time) };
    const problem = await expectProblem(await stack.api(nv('manager'), '/v1/audits', jsonInit('POST', body)), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['meetingTime']);
    expect((await readAllPages<{ id: string }>(stack, nv('manager'), '/v1/audits?caseRef=NV-00012&limit=100')).items.length).toBe(before);
  });
});

describe('cancelling the booking', () => {
  it('removes the day and time with If-Match, logs it, and tells the case holder and student once, however often it is repeated', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00001', month, studentId: 'nv-student', meetingDate: inMonth(14), meetingTime: '10:30' });
    const key = { 'if-match': planned.etag, 'idempotency-key': 'cancel-meeting-0001' };
    const cleared = await saved(await deleteMeeting(nv('manager'), planned.audit.id, key));
    expect(cleared.audit).toMatchObject({ version: 2, state: 'planned' });
    expect(cleared.audit.meetingDate).toBeUndefined();
    expect(cleared.audit.meetingTime).toBeUndefined();
    expect(cleared.etag).toBe('"2"');
    const stored = await read(planned.audit.id);
    expect(stored.meetingDate).toBeUndefined();
    expect(stored.meetingTime).toBeUndefined();

    const when = meetingLabel({ meetingDate: inMonth(14), meetingTime: '10:30' });
    const sent = await cancelledMessages(planned.audit.id);
    expect(sent.map((m) => m.to).sort()).toEqual(['practitioner@northvale.example', 'student@northvale.example']);
    expect(sent[0]!.subject).toBe(`Audit meeting cancelled for case NV-00001: ${when}`);
    expect(sent[0]!.text).toContain(`The meeting on ${when} for the reflective conversation`);
    expect(sent[0]!.text).toContain('has been cancelled');
    expect((await auditActivity(planned.audit.id)).filter((e) => e.versionAfter === 2).map((e) => e.changes)).toEqual([['meetingDate', 'meetingTime']]);

    // A retry with the same key and version, and a repeat quoting the new version: nothing booked, nothing written or sent.
    for (const headers of [key, { 'if-match': cleared.etag }]) {
      const again = await saved(await deleteMeeting(nv('manager'), planned.audit.id, headers));
      expect(again.audit.version).toBe(2);
      expect(again.etag).toBe('"2"');
    }
    expect(await cancelledMessages(planned.audit.id)).toHaveLength(2);
    expect((await read(planned.audit.id)).version).toBe(2);
    expect((await auditActivity(planned.audit.id)).map((e) => e.versionAfter).sort()).toEqual([1, 2]);

    // A new day can be booked afterwards, and is sent as a booking.
    const rebooked = await saved(await putMeeting(nv('manager'), planned.audit.id, { meetingDate: inMonth(20) }, cleared.etag));
    expect(rebooked.audit).toMatchObject({ meetingDate: inMonth(20), version: 3 });
    expect((await meetingMessages(planned.audit.id)).filter((m) => m.subject.endsWith(meetingLabel({ meetingDate: inMonth(20) })))).toHaveLength(2);
  });

  it('answers 412 to a stale version and 428 without If-Match, keeping the booking and sending nothing', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00002', month, meetingDate: inMonth(8), meetingTime: '16:00' });
    const moved = await saved(await putMeeting(nv('manager'), planned.audit.id, { meetingDate: inMonth(9), meetingTime: '16:00' }, planned.etag));
    await expectProblem(await deleteMeeting(nv('manager'), planned.audit.id, { 'if-match': planned.etag }), 412);
    await expectProblem(await deleteMeeting(nv('manager'), planned.audit.id), 428);
    expect(await read(planned.audit.id)).toMatchObject({ meetingDate: inMonth(9), meetingTime: '16:00', version: moved.audit.version });
    expect(await cancelledMessages(planned.audit.id)).toEqual([]);
  });

  it('refuses a completed or cancelled audit (409), which keeps its meeting', async () => {
    const done = await completedAudit(stack, { caseRef: 'NV-00006', meetingDate: inMonth(3) });
    await expectProblem(await deleteMeeting(nv('manager'), done.audit.id, { 'if-match': done.etag }), 409);
    expect((await read(done.audit.id)).meetingDate).toBe(inMonth(3));
    const planned = await planAudit(stack, { caseRef: 'NV-00006', month, meetingDate: inMonth(3) });
    const cancelled = await saved(await moveAudit(stack, planned, 'cancel', { reason: 'Case transferred' }));
    await expectProblem(await deleteMeeting(nv('manager'), planned.audit.id, { 'if-match': cancelled.etag }), 409);
    expect((await read(planned.audit.id)).meetingDate).toBe(inMonth(3));
    for (const id of [done.audit.id, planned.audit.id]) expect(await cancelledMessages(id)).toEqual([]);
  });

  it('is for the same people as booking: others who can see the audit get 403, those who cannot 404', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00003', month, studentId: 'nv-student', meetingDate: inMonth(4) });
    for (const role of ['practitioner', 'student', 'senior'] as const) {
      await expectProblem(await deleteMeeting(nv(role), planned.audit.id, { 'if-match': planned.etag }), 403);
    }
    await expectProblem(await deleteMeeting(sm('qa'), planned.audit.id, { 'if-match': planned.etag }), 404);
    expect(await read(planned.audit.id)).toMatchObject({ meetingDate: inMonth(4), version: 1 });
    const cleared = await saved(await deleteMeeting(nv('qa'), planned.audit.id, { 'if-match': planned.etag }));
    expect(cleared.audit.meetingDate).toBeUndefined();
  });
});

describe('who may book the meeting', () => {
  it('is the auditor, QA and the team’s managers; others who can see the audit get 403', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00003', month, studentId: 'nv-student' });
    for (const role of ['practitioner', 'student', 'senior'] as const) {
      await expectProblem(await putMeeting(nv(role), planned.audit.id, { meetingDate: inMonth(4) }, planned.etag), 403);
    }
    expect((await read(planned.audit.id)).version).toBe(1);
    // QA's audit of the home team's case: its team manager may move it.
    const byQa = await planAudit(stack, { caseRef: 'NV-00007', month }, nv('qa'));
    const moved = await saved(await putMeeting(nv('manager'), byQa.audit.id, { meetingDate: inMonth(4) }, byQa.etag));
    expect(moved.audit.meetingDate).toBe(inMonth(4));
  });

  it('includes a manager of the team the case is in now, when the audit belongs to the team it was in before', async () => {
    // NV-00017 is an Assessment case: QA audits it there, then it moves to the manager's team.
    const elsewhere = await planAudit(stack, { caseRef: 'NV-00017', month, meetingDate: inMonth(6) }, nv('qa'));
    expect(elsewhere.audit.teamId).toBe('assessment');
    await expectProblem(await putMeeting(nv('manager'), elsewhere.audit.id, { meetingDate: inMonth(7) }, elsewhere.etag), 404);
    const current = await stack.api(nv('qa'), '/v1/cases/NV-00017');
    await expectJson<Case>(await stack.api(nv('qa'), '/v1/cases/NV-00017', jsonInit('PATCH', { teamId: 'child-in-need' }, { 'if-match': current.headers.get('etag')! })));

    const moved = await saved(await putMeeting(nv('manager'), elsewhere.audit.id, { meetingDate: inMonth(7) }, elsewhere.etag));
    expect(moved.audit).toMatchObject({ teamId: 'assessment', meetingDate: inMonth(7) });
    const cleared = await saved(await deleteMeeting(nv('manager'), elsewhere.audit.id, { 'if-match': moved.etag }));
    expect(cleared.audit.meetingDate).toBeUndefined();
  });

  it('is a 404 for an audit outside the caller’s scope, and for another tenant’s audit', async () => {
    // NV-00014 is a Child Protection case: not the Northvale manager's team.
    const outside = await planAudit(stack, { caseRef: 'NV-00014', month }, nv('qa'));
    await expectProblem(await putMeeting(nv('manager'), outside.audit.id, { meetingDate: inMonth(4) }, outside.etag), 404);
    await expectProblem(await putMeeting(nv('admin'), outside.audit.id, { meetingDate: inMonth(4) }, outside.etag), 404);
    for (const role of ['manager', 'qa'] as const) {
      await expectProblem(await putMeeting(sm(role), outside.audit.id, { meetingDate: inMonth(4) }, outside.etag), 404);
    }
    expect((await read(outside.audit.id)).meetingDate).toBeUndefined();
    const southmoor = await expectJson<AuditPage>(await stack.api(sm('qa'), '/v1/audits?limit=1'));
    const theirs = southmoor.items[0]!;
    await expectProblem(await putMeeting(nv('qa'), theirs.id, { meetingDate: inMonth(4) }, `"${theirs.version}"`), 404);
  });
});

describe('the monthly programme', () => {
  it('shows the meeting booked beside each audit of the month', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00008', month, meetingDate: inMonth(21), meetingTime: '15:45' });
    const unbooked = await planAudit(stack, { caseRef: 'NV-00009', month });
    const programme = await expectJson<{ audits: { id: string; meetingDate?: string; meetingTime?: string }[] }>(await stack.api(nv('manager'), `/v1/programmes/${month}`));
    expect(programme.audits.find((a) => a.id === planned.audit.id)).toMatchObject({ meetingDate: inMonth(21), meetingTime: '15:45' });
    const other = programme.audits.find((a) => a.id === unbooked.audit.id)!;
    expect(other).toBeDefined();
    expect(other.meetingDate).toBeUndefined();
  });
});
