/**
 * Records compliance over HTTP: QA officers and senior managers draw the month's cases (the
 * audit sample's seeded sampling, replayable, drawn once), check each against the built-in
 * checklist (every item answered; one check per case per month; If-Match to change it; a
 * retried POST does not duplicate), read the 12-month report and its CSV from the monthly
 * totals, raise an action to the case holder from an item answered "no", and remind whoever
 * drew the month's cases of the checks still to do.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendReminders } from '@waypoint/functions/jobs/reminders-job';
import { reminderDays } from '@waypoint/shared/programme/programme-dates';
import { clock } from '@waypoint/shared/time/clock';
import type { ActionView } from '@waypoint/shared/actions/action-schemas';
import { COMPLIANCE_ITEMS } from '@waypoint/shared/compliance/compliance-checklist';
import type { ComplianceCheckView, ComplianceProgrammeView, ComplianceReport } from '@waypoint/shared/compliance/compliance-schemas';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { londonMonth } from '@waypoint/shared/time/clock';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, readVersioned } from './api-client.ts';
import { outbox, todayInLondon } from './audits-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const MONTH = londonMonth(new Date());
const ALL_YES = Object.fromEntries(COMPLIANCE_ITEMS.map((item) => [item, 'yes']));
const answers = (changes: Record<string, string> = {}) => ({ ...ALL_YES, ...changes });
const record = (body: Record<string, unknown>, email = nv('qa'), headers: Record<string, string> = {}) => stack.api(email, '/v1/compliance/checks', jsonInit('POST', { month: MONTH, ...body }, headers));
const report = async (query = '') => expectJson<ComplianceReport>(await stack.api(nv('qa'), `/v1/compliance/report${query}`));

describe('who may', () => {
  it('is QA officers and senior managers; every other role gets 403 on every route', async () => {
    for (const role of ['student', 'practitioner', 'manager', 'admin'] as const) {
      await expectProblem(await stack.api(nv(role), `/v1/compliance/programmes/${MONTH}`), 403);
      await expectProblem(await stack.api(nv(role), `/v1/compliance/programmes/${MONTH}`, jsonInit('POST', {})), 403);
      await expectProblem(await record({ caseRef: 'NV-00001', answers: answers() }, nv(role)), 403);
      await expectProblem(await stack.api(nv(role), `/v1/compliance/checks/${MONTH}.NV-00001`), 403);
      await expectProblem(await stack.api(nv(role), '/v1/compliance/report'), 403);
      await expectProblem(await stack.api(nv(role), '/v1/compliance/report/export?figure=items'), 403);
    }
    expect((await stack.api(nv('senior'), '/v1/compliance/report')).status).toBe(200);
  });
});

describe('drawing the month’s cases', () => {
  it('takes N open cases from every team with a recorded seed that replays, once', async () => {
    const before = await expectJson<ComplianceProgrammeView>(await stack.api(nv('qa'), `/v1/compliance/programmes/${MONTH}`));
    expect(before.drawn).toBeNull();
    const drawn = await expectJson<ComplianceProgrammeView>(await stack.api(nv('qa'), `/v1/compliance/programmes/${MONTH}`, jsonInit('POST', { checksPerTeam: 3 })), 201);
    expect(drawn.drawn).toMatchObject({ checksPerTeam: 3, replays: true });
    expect(drawn.teams.length).toBeGreaterThan(1);
    for (const team of drawn.teams) expect(team.cases.length).toBe(Math.min(3, team.eligible));
    expect(drawn.total).toBe(drawn.teams.reduce((n, t) => n + t.cases.length, 0));
    expect(drawn.next).toBe(drawn.teams[0]!.cases[0]!.caseRef);
    const again = await expectJson<ComplianceProgrammeView>(await stack.api(nv('senior'), `/v1/compliance/programmes/${MONTH}`, jsonInit('POST', { checksPerTeam: 10 })), 200);
    expect(again.teams).toEqual(drawn.teams);
  });

  it('is for this month or next only, and N from 1 to 50', async () => {
    const past = await expectProblem(await stack.api(nv('qa'), `/v1/compliance/programmes/${shiftMonth(MONTH, -1)}`, jsonInit('POST', {})), 400);
    expect(past.errors?.map((e) => e.path)).toEqual(['month']);
    const many = await expectProblem(await stack.api(nv('qa'), `/v1/compliance/programmes/${shiftMonth(MONTH, 1)}`, jsonInit('POST', { checksPerTeam: 51 })), 400);
    expect(many.errors?.map((e) => e.path)).toEqual(['checksPerTeam']);
    const later = await expectJson<ComplianceProgrammeView>(await stack.api(nv('qa'), `/v1/compliance/programmes/${shiftMonth(MONTH, 1)}`));
    expect(later.drawn).toBeNull();
  });
});

describe('checking a case', () => {
  it('needs every item answered, naming each one left out, and writes nothing until it is', async () => {
    const { genogram: _g, plan: _p, ...partial } = ALL_YES;
    const problem = await expectProblem(await record({ caseRef: 'NV-00010', answers: partial }), 400);
    expect(problem.errors?.map((e) => e.path)).toEqual(['answers.genogram', 'answers.plan']);
    await expectProblem(await stack.api(nv('qa'), `/v1/compliance/checks/${MONTH}.NV-00010`), 404);
    const wrong = await expectProblem(await record({ caseRef: 'NV-00010', answers: answers({ chronology: 'maybe' }) }), 400);
    expect(wrong.errors?.map((e) => e.path)).toEqual(['answers.chronology']);
    const unknown = await expectProblem(await record({ caseRef: 'NV-99999', answers: answers() }), 400);
    expect(unknown.errors?.map((e) => e.path)).toEqual(['caseRef']);
    const future = await expectProblem(await record({ caseRef: 'NV-00010', month: shiftMonth(MONTH, 1), answers: answers() }), 400);
    expect(future.errors?.map((e) => e.path)).toEqual(['month']);
  });

  it('is recorded once per case and month, with its notes, the case’s team and holder; a second is a 409', async () => {
    const response = await record({ caseRef: 'nv-00011', answers: answers({ genogram: 'no', 'closure-summary': 'na' }), notes: { genogram: 'No genogram on file', plan: '' } });
    const check = await expectJson<ComplianceCheckView>(response, 201);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe(`/v1/compliance/checks/${MONTH}.NV-00011`);
    expect(check).toMatchObject({ id: `${MONTH}.NV-00011`, caseRef: 'NV-00011', notes: { genogram: 'No genogram on file' }, checkedById: 'nv-qa' });
    expect(check.teamId).toBeTruthy();
    expect(check.people['nv-qa']).toBeTruthy();
    const second = await expectProblem(await record({ caseRef: 'NV-00011', answers: answers() }), 409);
    expect(second.detail).toContain('already has a check');
  });

  it('is not duplicated by a retried POST with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'compliance-check-retry-1' };
    const first = await expectJson<ComplianceCheckView>(await record({ caseRef: 'NV-00012', answers: answers() }, nv('qa'), headers), 201);
    const retried = await record({ caseRef: 'NV-00012', answers: answers() }, nv('qa'), headers);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect((await retried.json()).id).toBe(first.id);
    const { body } = await readVersioned<ComplianceCheckView>(stack, nv('qa'), `/v1/compliance/checks/${first.id}`);
    expect(body.version).toBe(1);
  });

  it('changes only with If-Match: 428 without, 412 when stale, and an unchanged save keeps its version', async () => {
    const check = await expectJson<ComplianceCheckView>(await record({ caseRef: 'NV-00013', answers: answers() }), 201);
    const path = `/v1/compliance/checks/${check.id}`;
    await expectProblem(await stack.api(nv('qa'), path, jsonInit('PUT', { answers: answers({ plan: 'no' }) })), 428);
    const changed = await stack.api(nv('senior'), path, jsonInit('PUT', { answers: answers({ plan: 'no' }), notes: { plan: 'Plan out of date' } }, { 'if-match': '"1"' }));
    expect((await expectJson<ComplianceCheckView>(changed)).answers.plan).toBe('no');
    expect(changed.headers.get('etag')).toBe('"2"');
    await expectProblem(await stack.api(nv('qa'), path, jsonInit('PUT', { answers: answers() }, { 'if-match': '"1"' })), 412);
    const same = await stack.api(nv('qa'), path, jsonInit('PUT', { answers: answers({ plan: 'no' }), notes: { plan: 'Plan out of date' } }, { 'if-match': '"2"' }));
    expect(same.headers.get('etag')).toBe('"2"');
  });

  it('moves the programme on: a drawn case checked is marked with its “no” items, and next is the one after', async () => {
    const programme = await expectJson<ComplianceProgrammeView>(await stack.api(nv('qa'), `/v1/compliance/programmes/${MONTH}`, jsonInit('POST', {})));
    const first = programme.next!;
    await expectJson(await record({ caseRef: first, answers: answers({ visits: 'no' }) }), 201);
    const after = await expectJson<ComplianceProgrammeView>(await stack.api(nv('qa'), `/v1/compliance/programmes/${MONTH}`));
    const row = after.teams.flatMap((t) => t.cases).find((c) => c.caseRef === first)!;
    expect(row).toMatchObject({ checked: true, noItems: ['visits'] });
    expect(after.checked).toBe(programme.checked + 1);
    expect(after.next).not.toBe(first);
  });
});

describe('the report', () => {
  it('counts yes ÷ (yes + no) by month, item and team from the monthly totals, as checks are saved', async () => {
    const before = await report();
    expect(before.months).toHaveLength(12);
    expect(before.period.to).toBe(MONTH);
    const check = await expectJson<ComplianceCheckView>(await record({ caseRef: 'NV-00020', answers: answers({ chronology: 'no', supervision: 'no', 'closure-summary': 'na' }) }), 201);
    const after = await report();
    const month = (r: ComplianceReport) => r.months.at(-1)!;
    expect(month(after).checks - month(before).checks).toBe(1);
    expect(month(after).yes - month(before).yes).toBe(5);
    expect(month(after).no - month(before).no).toBe(2);
    expect(month(after).notApplicable - month(before).notApplicable).toBe(1);
    expect(month(after).fullyCompliant).toBe(month(before).fullyCompliant);
    expect(after.overall.share).toBe(after.overall.yes / (after.overall.yes + after.overall.no));
    const item = (r: ComplianceReport) => r.items.find((i) => i.item === 'chronology')!;
    expect(item(after).no - item(before).no).toBe(1);
    const team = (r: ComplianceReport) => r.teams.find((t) => t.teamId === check.teamId)!;
    expect(team(after).checks - team(before).checks).toBe(1);
    const oneTeam = await report(`?team=${check.teamId}`);
    expect(oneTeam.teams.map((t) => t.teamId)).toEqual([check.teamId]);
    const { teamId: _id, name: _name, ...teamFigure } = team(after);
    expect(oneTeam.overall).toEqual(teamFigure);
  });

  it('refuses a month after this one and an unknown team, naming the filter', async () => {
    expect((await expectProblem(await stack.api(nv('qa'), `/v1/compliance/report?to=${shiftMonth(MONTH, 1)}`), 400)).errors?.map((e) => e.path)).toEqual(['to']);
    expect((await expectProblem(await stack.api(nv('qa'), '/v1/compliance/report?team=no-such-team'), 400)).errors?.map((e) => e.path)).toEqual(['team']);
    expect((await expectProblem(await stack.api(nv('qa'), '/v1/compliance/report/export?figure=people'), 400)).errors?.map((e) => e.path)).toEqual(['figure']);
  });

  it('downloads each table as CSV with the same numbers', async () => {
    const shown = await report();
    const response = await stack.api(nv('qa'), '/v1/compliance/report/export?figure=months');
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain(`waypoint-compliance-months-${shown.period.from}-to-${MONTH}.csv`);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('month,checks,yes,no,not applicable,compliant (%),"checks with no ""no"""');
    expect(lines.at(-1)!.split(',').slice(0, 5)).toEqual([MONTH, ...[shown.months.at(-1)!.checks, shown.months.at(-1)!.yes, shown.months.at(-1)!.no, shown.months.at(-1)!.notApplicable].map(String)]);
    const items = (await (await stack.api(nv('qa'), '/v1/compliance/report/export?figure=items')).text()).trim().split('\r\n');
    expect(items).toHaveLength(1 + COMPLIANCE_ITEMS.length);
  });
});

describe('an action from a “no”', () => {
  it('is raised for the case, in the case’s team, to its holder; a “yes” item or an unknown check is a 400', async () => {
    const check = await expectJson<ComplianceCheckView>(await record({ caseRef: 'NV-00002', answers: answers({ genogram: 'no' }) }), 201);
    const body = (item: string, checkId = check.id) => ({ source: { type: 'compliance', checkId, item }, description: 'Add a genogram to the record', ownerId: check.holderId, dueDate: todayInLondon() });
    const action = await expectJson<ActionView>(await stack.api(nv('qa'), '/v1/actions', jsonInit('POST', body('genogram'))), 201);
    expect(action).toMatchObject({ caseRef: 'NV-00002', teamId: check.teamId, ownerId: check.holderId, state: 'open', source: { type: 'compliance', checkId: check.id, item: 'genogram' } });
    const yes = await expectProblem(await stack.api(nv('qa'), '/v1/actions', jsonInit('POST', body('plan'))), 400);
    expect(yes.errors?.map((e) => e.path)).toEqual(['source.item']);
    const none = await expectProblem(await stack.api(nv('qa'), '/v1/actions', jsonInit('POST', body('plan', `${MONTH}.NV-00059`))), 400);
    expect(none.errors?.map((e) => e.path)).toEqual(['source.checkId']);
    // The case holder reads it as the owner, through the existing action lifecycle.
    expect((await stack.api(nv('practitioner'), `/v1/actions/${action.id}`)).status).toBe(200);
  });
});

describe('the reminder of checks still to do', () => {
  afterEach(() => clock.set(undefined));

  it('emails whoever drew the month’s cases on a reminder day, once, with how many are left', async () => {
    const programme = await expectJson<ComplianceProgrammeView>(await stack.api(nv('qa'), `/v1/compliance/programmes/${MONTH}`));
    expect(programme.total - programme.checked).toBeGreaterThan(0);
    const runOn = async (day: string) => {
      clock.set(new Date(`${day}T07:00:00Z`));
      try {
        return await sendReminders(stack.jobDependencies);
      } finally {
        clock.set(undefined);
      }
    };
    const day = reminderDays(MONTH)['week-before'];
    expect((await runOn(day)).complianceReminders).toBeGreaterThanOrEqual(1);
    const sent = (await outbox(stack)).filter((m) => m.subject.includes('records compliance check'));
    expect(sent.find((m) => m.to === nv('qa'))?.subject).toContain(`${programme.total - programme.checked} records compliance check`);
    expect((await runOn(day)).complianceReminders).toBe(0);
  });
});
