/** `/v1/programmes`: the month's picture by role, and a manager's sample proposed, swapped and accepted over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAudits } from '@waypoint/functions/local/seed/demo-audits';
import { demoCases } from '@waypoint/functions/local/seed/demo-data';
import { demoProgramme } from '@waypoint/functions/local/seed/demo-programme';
import type { AuditPage } from '@waypoint/shared/audits/audit-schemas';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import type { ProgrammeMonth, SampleDetail } from '@waypoint/shared/programme/programme-schemas';
import { proposeSample } from '@waypoint/shared/programme/sampling';
import { monthEnd } from '@waypoint/shared/time/calendar-dates';
import { londonMonth } from '@waypoint/shared/time/clock';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, expectJson, expectProblem, jsonInit, nv, readVersioned } from './api-client.ts';
import { startedReview } from './reviews-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const MONTH = londonMonth(new Date());
const NEXT = shiftMonth(MONTH, 1);
const SEEDED = demoProgramme(NORTHVALE, new Date(), demoAudits(NORTHVALE, new Date()).audits);
const CASES = demoCases(NORTHVALE, '2026-01-05T09:00:00.000Z');
const programme = (email: string, month = MONTH) => stack.api(email, `/v1/programmes/${month}`);
const samplePath = (month: string, managerId: string) => `/v1/programmes/${month}/samples/${managerId}`;
const propose = (email: string, body: Record<string, unknown> = {}, month = MONTH) => stack.api(email, `/v1/programmes/${month}/samples`, jsonInit('POST', body));
const move = (email: string, month: string, managerId: string, action: 'accept' | 'swap', etag: string, body: Record<string, unknown> = {}) => stack.api(email, `${samplePath(month, managerId)}/${action}`, jsonInit('POST', body, { 'if-match': etag }));

describe('the month’s programme', () => {
  it('shows QA officers and senior managers a row for every manager, with their sample and target', async () => {
    for (const role of ['qa', 'senior'] as const) {
      const view = await expectJson<ProgrammeMonth>(await programme(nv(role)));
      expect(view).toMatchObject({ month: MONTH, auditsPerManagerPerMonth: 2, monthEnded: false });
      const managers = view.rows.filter((r) => r.role === 'manager');
      expect(managers.map((r) => r.userId)).toEqual(['nv-manager', 'nv-tm-01', 'nv-tm-02']);
      expect(managers.map((r) => r.sample?.state)).toEqual(['proposed', 'accepted', 'proposed']);
      expect(managers.every((r) => r.target === 2)).toBe(true);
      expect(view.people['nv-tm-01']).toBe('Rachel Ibe');
    }
  });

  it('counts each manager’s audits by state: the accepted sample’s are planned', async () => {
    const view = await expectJson<ProgrammeMonth>(await programme(nv('qa')));
    const accepted = view.rows.find((r) => r.userId === 'nv-tm-01')!;
    expect(accepted.counts).toEqual({ planned: 2, inProgress: 0, completed: 0, cancelled: 0, late: 0 });
    expect(
      view.audits
        .filter((a) => a.sampledFor === 'nv-tm-01')
        .map((a) => a.id)
        .sort(),
    ).toEqual([...SEEDED.samples[1]!.auditIds].sort());
  });

  it('lists the late audits still outstanding from earlier months, most overdue first, each with its due date', async () => {
    const view = await expectJson<ProgrammeMonth>(await programme(nv('qa')));
    const lastMonth = shiftMonth(MONTH, -1);
    expect(view.late.length).toBeGreaterThanOrEqual(2);
    for (const audit of view.late) {
      expect(audit.late).toBe(true);
      expect(audit.month < MONTH).toBe(true);
      expect(['planned', 'in-progress']).toContain(audit.state);
      expect(audit.daysLate).toBeGreaterThan(0);
    }
    expect(view.late.map((a) => a.daysLate)).toEqual([...view.late.map((a) => a.daysLate)].sort((a, b) => b - a));
    // The re-audit of the Inadequate audit fell due last month and has not been done.
    const reaudit = SEEDED.audits.find((a) => a.reauditOf)!;
    expect(view.late.find((a) => a.id === reaudit.id)).toMatchObject({ month: lastMonth, reauditOf: reaudit.reauditOf, dueDate: expect.stringMatching(new RegExp(`^${lastMonth}-`)) });
    expect(view.audits.every((a) => !a.late)).toBe(true);
  });

  it('counts as late exactly the rows of the late list: in the totals, and person by person', async () => {
    for (const email of [nv('qa'), nv('senior'), nv('manager')]) {
      const view = await expectJson<ProgrammeMonth>(await programme(email));
      expect(view.late.length, email).toBeGreaterThan(0);
      expect(view.totals.late, email).toBe(view.late.length);
      expect(
        view.rows.reduce((sum, r) => sum + r.counts.late, 0),
        email,
      ).toBe(view.late.length);
      for (const row of view.rows) expect(row.counts.late, row.userId).toBe(view.late.filter((a) => a.auditorId === row.userId).length);
      expect(view.totals.planned + view.totals.inProgress + view.totals.completed + view.totals.cancelled, email).toBe(view.audits.length);
    }
  });

  it('shows a manager only their own row and their teams’ audits and late ones', async () => {
    const view = await expectJson<ProgrammeMonth>(await programme(nv('manager')));
    expect(view.rows.filter((r) => r.role === 'manager').map((r) => r.userId)).toEqual(['nv-manager']);
    expect(view.audits.every((a) => a.teamId === 'child-in-need')).toBe(true);
    expect(view.late.every((a) => a.teamId === 'child-in-need')).toBe(true);
    expect(view.late.some((a) => a.reauditOf)).toBe(true);
    expect(view.rows.some((r) => r.sample && r.sample.managerId !== 'nv-manager')).toBe(false);
  });

  it('is refused to practitioners, students and tenant admins (403), and a bad month is a 400', async () => {
    for (const role of ['practitioner', 'student', 'admin'] as const) await expectProblem(await programme(nv(role)), 403);
    for (const bad of ['2026-13', '2026-1', 'now']) await expectProblem(await programme(nv('qa'), bad), 400);
  });
});

describe('a manager’s sample', () => {
  it('is explained: every candidate with why it could not be picked, and a seed that replays the draw', async () => {
    const { body } = await readVersioned<SampleDetail>(stack, nv('manager'), samplePath(MONTH, 'nv-manager'));
    expect(body).toMatchObject({ state: 'proposed', size: 2, replays: true, teamIds: ['child-in-need'] });
    expect(body.candidates.map((c) => c.ref).sort()).toEqual(
      CASES.filter((c) => c.teamId === 'child-in-need')
        .map((c) => c.ref)
        .sort(),
    );
    expect(body.candidates.find((c) => c.ref === 'NV-00052')?.ineligibility).toBe('closed');
    expect(body.candidates.find((c) => c.ref === 'NV-00001')?.ineligibility).toBe('audited-in-last-12-months');
    expect(body.candidates.find((c) => c.ref === 'NV-00011')?.ineligibility).toBe('audit-under-way');
    expect(proposeSample({ seed: body.seed, month: MONTH, size: body.size, candidates: body.candidates.map(({ ineligibility: _, ...c }) => c) }).picked).toEqual(body.proposed);
    for (const ref of body.picked) expect(body.candidates.find((c) => c.ref === ref)?.ineligibility).toBeNull();
  });

  it('shows the standing proposal when proposed again, rather than drawing another to choose from', async () => {
    const before = await expectJson<SampleDetail>(await stack.api(nv('manager'), samplePath(MONTH, 'nv-manager')));
    const again = await expectJson<SampleDetail>(await propose(nv('manager')), 200);
    expect(again.seed).toBe(before.seed);
    expect(again.version).toBe(before.version);
  });

  it('is accepted into planned audits for the manager, with ids derived from it, so a retried accept plans nothing twice', async () => {
    const { body: sample, etag } = await readVersioned<SampleDetail>(stack, nv('manager'), samplePath(MONTH, 'nv-manager'));
    const accepted = await expectJson<SampleDetail>(await move(nv('manager'), MONTH, 'nv-manager', 'accept', etag));
    expect(accepted).toMatchObject({ state: 'accepted', acceptedById: 'nv-manager', picked: sample.picked, version: sample.version + 1 });
    expect(accepted.auditIds).toHaveLength(2);
    const retried = await expectJson<SampleDetail>(await move(nv('manager'), MONTH, 'nv-manager', 'accept', etag));
    expect(retried.auditIds).toEqual(accepted.auditIds);
    expect(retried.version).toBe(accepted.version);
    const listed = await expectJson<AuditPage>(await stack.api(nv('manager'), `/v1/audits?month=${MONTH}&limit=100`));
    const planned = listed.items.filter((a) => accepted.auditIds.includes(a.id));
    expect(planned).toHaveLength(2);
    expect(planned.map((a) => a.caseRef).sort()).toEqual([...sample.picked].sort());
    expect(planned.every((a) => a.state === 'planned' && a.auditorId === 'nv-manager' && a.sampledFor === 'nv-manager' && a.templateId === 'journey-of-the-child')).toBe(true);
    const view = await expectJson<ProgrammeMonth>(await programme(nv('manager')));
    expect(view.rows.find((r) => r.userId === 'nv-manager')?.sample?.state).toBe('accepted');
  });

  it('is fixed once accepted: proposing again or swapping is a 409 and changes nothing', async () => {
    const { body, etag } = await readVersioned<SampleDetail>(stack, nv('qa'), samplePath(MONTH, 'nv-tm-01'));
    const problem = await expectProblem(await propose(nv('qa'), { managerId: 'nv-tm-01' }), 409);
    expect(problem.detail).toMatch(/accepted/);
    const out = body.picked[0]!;
    await expectProblem(await move(nv('qa'), MONTH, 'nv-tm-01', 'swap', etag, { out, in: 'NV-00013', reason: 'Too late' }), 409);
    expect((await expectJson<SampleDetail>(await stack.api(nv('qa'), samplePath(MONTH, 'nv-tm-01')))).version).toBe(body.version);
  });

  it('is drawn fresh for next month from the open cases of the manager’s teams, at the size the settings say', async () => {
    const response = await propose(nv('manager'), {}, NEXT);
    const sample = await expectJson<SampleDetail>(response, 201);
    expect(response.headers.get('location')).toBe(samplePath(NEXT, 'nv-manager'));
    expect(response.headers.get('etag')).toBe('"1"');
    expect(sample).toMatchObject({ month: NEXT, managerId: 'nv-manager', proposedById: 'nv-manager', state: 'proposed', size: 2, replays: true });
    expect(sample.picked).toHaveLength(2);
    expect(new Set(sample.picked.map((ref) => sample.candidates.find((c) => c.ref === ref)!.holderId)).size).toBe(2);
  });

  it('can be proposed by QA for a named manager, with the tenant’s current size', async () => {
    const { etag } = await readVersioned<{ version: number }>(stack, nv('admin'), '/v1/settings');
    await expectJson(await stack.api(nv('admin'), '/v1/settings', jsonInit('PATCH', { auditsPerManagerPerMonth: 3 }, { 'if-match': etag })));
    try {
      const sample = await expectJson<SampleDetail>(await propose(nv('qa'), { managerId: 'nv-tm-02' }, NEXT), 201);
      expect(sample).toMatchObject({ managerId: 'nv-tm-02', proposedById: 'nv-qa', size: 3, teamIds: ['children-looked-after', 'early-help'] });
      expect(sample.picked).toHaveLength(3);
    } finally {
      const { etag: now } = await readVersioned<{ version: number }>(stack, nv('admin'), '/v1/settings');
      await expectJson(await stack.api(nv('admin'), '/v1/settings', jsonInit('PATCH', { auditsPerManagerPerMonth: 2 }, { 'if-match': now })));
    }
  });

  it('refuses who may not draw it: 403 for other roles and for a manager naming someone else; 404 for another manager’s sample', async () => {
    for (const role of ['practitioner', 'student', 'admin', 'senior'] as const) await expectProblem(await propose(nv(role), {}, NEXT), 403);
    await expectProblem(await propose(nv('manager'), { managerId: 'nv-tm-01' }, NEXT), 403);
    await expectProblem(await stack.api(nv('manager'), samplePath(MONTH, 'nv-tm-01')), 404);
    await expectProblem(await move(nv('manager'), MONTH, 'nv-tm-02', 'accept', '"2"'), 404);
    await expectJson(await stack.api(nv('senior'), samplePath(MONTH, 'nv-tm-01')));
  });

  it('refuses bad input with 400 naming the field, writing nothing', async () => {
    const noManager = await expectProblem(await propose(nv('qa'), {}, NEXT), 400);
    expect(noManager.errors?.map((e) => e.path)).toEqual(['managerId']);
    const notAManager = await expectProblem(await propose(nv('qa'), { managerId: 'nv-practitioner' }, NEXT), 400);
    expect(notAManager.errors?.map((e) => e.path)).toEqual(['managerId']);
    for (const month of [shiftMonth(MONTH, -1), shiftMonth(MONTH, 2)]) {
      const problem = await expectProblem(await propose(nv('qa'), { managerId: 'nv-tm-01' }, month), 400);
      expect(problem.errors?.map((e) => e.path)).toEqual(['month']);
    }
    const unknown = await expectProblem(await propose(nv('manager'), { seed: 'mine' }, NEXT), 400);
    expect(unknown.errors).toContainEqual({ path: 'seed', message: 'Unknown field' });
    expect((await expectJson<{ rows: { userId: string; sample: unknown }[] }>(await programme(nv('qa'), shiftMonth(MONTH, 2)))).rows.every((r) => r.sample === null)).toBe(true);
  });
});

describe('swapping a sampled case', () => {
  /** The third manager's standing proposal: a fresh read each time. */
  const current = () => readVersioned<SampleDetail>(stack, nv('qa'), samplePath(MONTH, 'nv-tm-02'));
  const eligibleOutside = (sample: SampleDetail) => sample.candidates.find((c) => c.ineligibility === null && !sample.picked.includes(c.ref))!;

  it('refuses an ineligible case, naming `in` or `out`, and writes nothing', async () => {
    const { body, etag } = await current();
    const out = body.picked[0]!;
    const closed = body.candidates.find((c) => c.ineligibility === 'closed')!.ref;
    const recent = body.candidates.find((c) => c.ineligibility === 'audited-in-last-12-months')!.ref;
    const cases: [Record<string, unknown>, string][] = [
      [{ out: 'NV-00999', in: eligibleOutside(body).ref, reason: 'x' }, 'out'],
      [{ out, in: closed, reason: 'Holder away' }, 'in'],
      [{ out, in: recent, reason: 'Holder away' }, 'in'],
      [{ out, in: 'NV-00001', reason: 'Another team’s case' }, 'in'],
      [{ out, in: 'NV-99999', reason: 'No such case' }, 'in'],
      [{ out, in: body.picked[1]!, reason: 'Already in' }, 'in'],
      [{ out, in: eligibleOutside(body).ref, reason: '  ' }, 'reason'],
    ];
    for (const [swap, path] of cases) {
      const problem = await expectProblem(await move(nv('qa'), MONTH, 'nv-tm-02', 'swap', etag, swap), 400);
      expect(
        problem.errors?.map((e) => e.path),
        JSON.stringify(swap),
      ).toEqual([path]);
    }
    expect((await current()).body.version).toBe(body.version);
  });

  it('refuses a case whose audit is already planned (QA’s Early Help audit this month)', async () => {
    const { body, etag } = await current();
    const underWay = body.candidates.find((c) => c.ineligibility === 'audit-under-way')!;
    expect(underWay).toBeDefined();
    const problem = await expectProblem(await move(nv('qa'), MONTH, 'nv-tm-02', 'swap', etag, { out: body.picked[0], in: underWay.ref, reason: 'x' }), 400);
    expect(problem.errors?.[0]?.message).toMatch(/planned or in progress/);
  });

  it('needs If-Match: 428 without it, 412 when stale', async () => {
    const { body } = await current();
    const swap = { out: body.picked[0], in: eligibleOutside(body).ref, reason: 'Holder on leave' };
    await expectProblem(await stack.api(nv('qa'), `${samplePath(MONTH, 'nv-tm-02')}/swap`, jsonInit('POST', swap)), 428);
    await expectProblem(await move(nv('qa'), MONTH, 'nv-tm-02', 'swap', `"${body.version - 1}"`, swap), 412);
  });

  it('swaps an eligible case in with the reason recorded, keeping the proposal it came from', async () => {
    const { body, etag } = await current();
    const out = body.picked[1]!;
    const incoming = eligibleOutside(body).ref;
    // Typed in lower case, matched whatever the case, and kept as the authority stores the references.
    const response = await move(nv('qa'), MONTH, 'nv-tm-02', 'swap', etag, { out: out.toLowerCase(), in: incoming.toLowerCase(), reason: 'The family has asked for a break from visits this month.' });
    const swapped = await expectJson<SampleDetail>(response);
    expect(response.headers.get('etag')).toBe(`"${body.version + 1}"`);
    expect(swapped.picked).toEqual(body.picked.map((ref) => (ref === out ? incoming : ref)));
    expect(swapped.proposed).toEqual(body.proposed);
    expect(swapped.swaps.at(-1)).toMatchObject({ out, in: incoming, reason: 'The family has asked for a break from visits this month.', byId: 'nv-qa' });
    expect(swapped.replays).toBe(true);
  });
});

describe('a thematic review’s audits', () => {
  it('are left out of the month’s programme, its counts and its late list', async () => {
    const before = await expectJson<ProgrammeMonth>(await programme(nv('qa')));
    const review = await startedReview(stack, { reviewerIds: ['nv-manager'], caseRefs: ['NV-00046', 'NV-00047'], casesDueBy: monthEnd(MONTH) });
    const reviewAudits = review.cases.map((c) => c.auditId);
    expect(reviewAudits).toHaveLength(2);
    for (const email of [nv('qa'), nv('manager')]) {
      const view = await expectJson<ProgrammeMonth>(await programme(email));
      expect([...view.audits, ...view.late].filter((a) => reviewAudits.includes(a.id))).toEqual([]);
    }
    const after = await expectJson<ProgrammeMonth>(await programme(nv('qa')));
    expect(after.rows.find((r) => r.userId === 'nv-manager')!.counts).toEqual(before.rows.find((r) => r.userId === 'nv-manager')!.counts);
    expect(after.totals).toEqual(before.totals);
  });
});
