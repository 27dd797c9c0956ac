/**
 * The service, case and practitioner levels over HTTP, with exact figures from the fixed
 * test data in `dashboards-fixture.ts` (a team of its own, on 12 March 2031).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvidence } from '@waypoint/shared/dashboards/case-evidence-schemas';
import type { PractitionerLearning } from '@waypoint/shared/dashboards/learning-schemas';
import type { ServiceView } from '@waypoint/shared/dashboards/service-view-schemas';
import { clock } from '@waypoint/shared/time/clock';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, sm } from './api-client.ts';
import { JOURNEY } from './audits-support.ts';
import { at, buildFixture, DAY, TEAM, type Fixture } from './dashboards-fixture.ts';

let stack: TestStack;
let fixture: Fixture;

beforeAll(async () => {
  stack = await startStack();
  try {
    fixture = await buildFixture(stack);
  } finally {
    clock.set(at(DAY));
  }
});
afterAll(async () => {
  clock.set(undefined);
  await stack?.stop();
});

const view = async (query: string, email = nv('qa')) => expectJson<ServiceView>(await stack.api(email, `/v1/dashboards/service?${query}`));
/** Sections the Journey of the Child grades (every one but the overall judgement). */
const GRADED = JOURNEY.sections.filter((s) => s.questions.some((q) => q.type === 'grade' && q.meaning !== 'overall-grade'));
const title = (id: string) => JOURNEY.sections.find((s) => s.id === id)!.title;

describe('the service view of a team over 12 months', () => {
  let figures: ServiceView;
  beforeAll(async () => {
    figures = await view(`period=12m&team=${TEAM}`);
  });

  it('covers the twelve months to March 2031, judged on 12 March', () => {
    expect(figures.period).toMatchObject({ kind: '12m', from: '2030-04', to: '2031-03' });
    expect(figures.period.months).toHaveLength(12);
    expect(figures.filters).toEqual({ team: TEAM, caseType: null });
    expect(figures.today).toBe(DAY);
  });

  it('counts audits due, on time, completed late, late and not yet due, and the share on time out of those completed or late', () => {
    // February has ended (one completed late, one still not done: late); March has not (three on time, one not yet due).
    expect(figures.audits).toEqual({ due: 6, completed: 4, completedOnTime: 3, completedLate: 1, outstanding: 2, late: 1, notYetDue: 1, onTimeOutOf: 5, onTimeShare: 3 / 5 });
    const [february, march] = figures.trend.slice(-2);
    expect(february).toMatchObject({ month: '2031-02', due: 2, completed: 1, completedOnTime: 0, completedLate: 1, outstanding: 1, late: 1, grades: { 'requires-improvement': 1 } });
    expect(march).toMatchObject({ month: '2031-03', due: 4, completed: 3, completedOnTime: 3, outstanding: 1, late: 0, grades: { good: 2, inadequate: 1 }, actionsRaised: 4, actionsDone: 1 });
    expect(figures.trend.slice(0, 10).every((m) => m.due === 0)).toBe(true);
  });

  it('gives the grades overall and for every graded section', () => {
    expect(figures.grades.overall).toEqual({ outstanding: 0, good: 2, 'requires-improvement': 1, inadequate: 1 });
    expect(figures.grades.sections.map((s) => s.title)).toEqual(GRADED.map((s) => s.title));
    for (const section of figures.grades.sections) expect(section).toMatchObject({ grades: { outstanding: 0, good: 2, 'requires-improvement': 1, inadequate: 1 }, belowGood: 2 });
  });

  it('gives moderation agreement from the one moderated audit', () => {
    expect(figures.moderation.audits).toBe(1);
    expect(figures.moderation.overall).toMatchObject({ pairs: 1, exact: 0, exactShare: 0 });
    expect(figures.moderation.overall.table[1]).toEqual([0, 0, 1, 0]);
    expect(figures.moderation.grades).toMatchObject({ pairs: 3, exact: 1 });
    expect(figures.moderation.grades.table[1]).toEqual([0, 1, 2, 0]);
  });

  it('follows the actions raised: done, verified, cancelled, open, days to done and whether they made a difference', () => {
    expect(figures.actions).toEqual({
      raised: 4,
      done: 1,
      doneOnTime: 1,
      verified: 1,
      cancelled: 1,
      open: 2,
      overdue: 0,
      medianDaysToDone: 0,
      daysToDone: [{ from: 0, to: 0, count: 1 }],
      difference: { yes: 0, partly: 0, no: 0, 'too-early': 1 },
    });
  });

  it('puts the sections with most findings and actions first among the areas for development', () => {
    expect(figures.areasForDevelopment.slice(0, 2)).toEqual([
      { sectionId: 'assessment', title: title('assessment'), belowGood: 2, actionsRaised: 2 },
      { sectionId: 'planning-and-review', title: title('planning-and-review'), belowGood: 2, actionsRaised: 2 },
    ]);
    expect(figures.areasForDevelopment).toHaveLength(5);
  });

  it('breaks grades and timeliness down by group, never showing a group under 5 nor one that would give it away', () => {
    const gender = Object.fromEntries(figures.fairness.find((d) => d.dimension === 'gender')!.groups.map((g) => [g.group, g]));
    expect(gender.male!.audits).toEqual({ value: null, suppressed: true });
    expect(gender.female!.audits).toEqual({ value: null, suppressed: true });
    expect(gender.other!.audits).toEqual({ value: 0, suppressed: false });
    const age = figures.fairness.find((d) => d.dimension === 'ageBand')!.groups.find((g) => g.group === '10-15')!;
    expect(age.audits).toEqual({ value: 6, suppressed: false });
    expect(age.completedOnTime).toEqual({ value: null, suppressed: true });
    expect(age.onTimeShare).toBeNull();
    expect(age.grades).toEqual({ outstanding: { value: 0, suppressed: false }, good: { value: null, suppressed: true }, 'requires-improvement': { value: null, suppressed: true }, inadequate: { value: null, suppressed: true } });
  });

  it('names and ranks no member of staff', () => {
    const text = JSON.stringify(figures);
    for (const person of [fixture.owner, fixture.teamManager]) {
      expect(text).not.toContain(person.id);
      expect(text).not.toContain(person.name);
    }
    expect(text).not.toContain('nv-senior');
  });
});

describe('filters and periods', () => {
  it('give the same figures for the team’s only case type, and none for another', async () => {
    const [team, both, other] = await Promise.all([view(`team=${TEAM}`), view(`team=${TEAM}&caseType=child-in-need`), view(`team=${TEAM}&caseType=child-protection`)]);
    expect({ ...both, filters: null }).toEqual({ ...team, filters: null });
    expect(other.audits.due).toBe(0);
    expect(other.actions.raised).toBe(0);
  });

  it('cover the calendar quarter or one month, ending this month or an earlier one', async () => {
    expect((await view(`period=quarter&team=${TEAM}`)).period.months).toEqual(['2031-01', '2031-02', '2031-03']);
    const february = await view(`period=month&to=2031-02&team=${TEAM}`);
    expect(february.audits).toEqual({ due: 2, completed: 1, completedOnTime: 0, completedLate: 1, outstanding: 1, late: 1, notYetDue: 0, onTimeOutOf: 2, onTimeShare: 0 });
    expect(february.actions.raised).toBe(0);
  });

  it('count an action as overdue once its due date has passed', async () => {
    clock.set(at('2031-03-20'));
    try {
      const later = await view(`team=${TEAM}`);
      expect(later.actions).toMatchObject({ overdue: 1, open: 2 });
    } finally {
      clock.set(at(DAY));
    }
  });

  it('refuse an unknown filter or period, a month to come and a team that does not exist (400)', async () => {
    for (const [query, path] of [
      ['period=week', 'period'],
      ['period=12m&region=north', 'region'],
      ['to=2031-04', 'to'],
      ['team=no-such-team', 'team'],
      ['caseType=adoption', 'caseType'],
    ] as const) {
      const problem = await expectProblem(await stack.api(nv('qa'), `/v1/dashboards/service?${query}`), 400);
      expect(
        problem.errors?.map((e) => e.path),
        query,
      ).toEqual([path]);
    }
  });

  it('is for QA officers and senior managers only (403)', async () => {
    expect((await view(`team=${TEAM}`, nv('senior'))).audits.due).toBe(6);
    for (const role of ['manager', 'practitioner', 'student', 'admin'] as const) await expectProblem(await stack.api(nv(role), '/v1/dashboards/service'), 403);
  });
});

describe('CSV of a figure', () => {
  it('gives the rows behind the timeliness chart as an attachment', async () => {
    const response = await stack.api(nv('senior'), `/v1/dashboards/service/export?figure=timeliness&period=quarter&team=${TEAM}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="waypoint-timeliness-2031-01-to-2031-03-${TEAM}.csv"`);
    expect(await response.text()).toBe('month,audits due,completed,completed on time,completed late,late and not yet completed,not yet due,completed or late,on time (%)\r\n2031-01,0,0,0,0,0,0,0,\r\n2031-02,2,1,0,1,1,0,2,0\r\n2031-03,4,3,3,0,0,1,3,100\r\n');
  });

  it('writes "fewer than 5" in the fairness rows and needs a known figure', async () => {
    const csv = await (await stack.api(nv('qa'), `/v1/dashboards/service/export?figure=fairness&team=${TEAM}`)).text();
    expect(csv).toContain('Gender,Male,fewer than 5,fewer than 5,fewer than 5,');
    expect(csv).toContain('Age band,Aged 10 to 15,6,fewer than 5,fewer than 5,,0,fewer than 5,fewer than 5,fewer than 5');
    await expectProblem(await stack.api(nv('qa'), '/v1/dashboards/service/export?figure=league-table'), 400);
    await expectProblem(await stack.api(nv('manager'), '/v1/dashboards/service/export?figure=grades'), 403);
  });
});

describe('the case level', () => {
  it('shows a case’s audits, grades over time, journey and actions to whoever may see it', async () => {
    const evidence = await expectJson<CaseEvidence>(await stack.api(nv('qa'), '/v1/cases/DB-00002/evidence'));
    expect(evidence.case).toMatchObject({ ref: 'DB-00002', gender: 'female', ethnicity: 'white', disability: 'no' });
    expect(evidence.audits.map((a) => a.id).sort()).toEqual([fixture.audits.a2.id, `re-${fixture.audits.a2.id}`].sort());
    expect(evidence.gradesOverTime).toEqual([expect.objectContaining({ auditId: fixture.audits.a2.id, completedOn: DAY, overallGrade: 'inadequate' })]);
    expect(evidence.actions.map((a) => a.id).sort()).toEqual([fixture.actions.x2.action.id, fixture.actions.x4.action.id].sort());
    expect(evidence.actionCounts).toEqual({ open: 1, overdue: 0, done: 0, verified: 0, cancelled: 1 });
    expect(evidence.journey.caseRef).toBe('DB-00002');
    expect(evidence.people[fixture.owner.id]).toBe('Dana Reid');
    expect((await expectJson<CaseEvidence>(await stack.api(fixture.owner.email, '/v1/cases/DB-00002/evidence'))).actions).toHaveLength(2);
  });

  it('is 404 to anyone who may not see the case', async () => {
    for (const role of ['manager', 'practitioner', 'student', 'admin'] as const) await expectProblem(await stack.api(nv(role), '/v1/cases/DB-00002/evidence'), 404);
  });
});

describe('the practitioner level', () => {
  it('shows a practitioner their own audits, grades, reflections, actions and learning themes', async () => {
    const { a1 } = fixture.audits;
    await expectJson(await stack.api(fixture.owner.email, `/v1/audits/${a1.id}/reflections`, jsonInit('POST', { text: 'I will ask the father directly next time.' })), 201);
    const learning = await expectJson<PractitionerLearning>(await stack.api(fixture.owner.email, `/v1/practitioners/${fixture.owner.id}/learning`));
    expect(learning.practitioner).toMatchObject({ id: fixture.owner.id, name: 'Dana Reid', teamIds: [TEAM] });
    // Six live audits of their practice and a2's re-audit; the cancelled one is left out.
    expect(learning.audits).toHaveLength(7);
    expect(learning.audits.every((a) => a.role === 'case-holder')).toBe(true);
    expect(learning.grades.overall).toEqual({ outstanding: 0, good: 2, 'requires-improvement': 1, inadequate: 1 });
    expect(learning.reflections.map((r) => r.text)).toEqual(['I will ask the father directly next time.']);
    expect(
      learning.actions
        .map((a) => a.id)
        .slice(0, 2)
        .sort(),
    ).toEqual([fixture.actions.x3.action.id, fixture.actions.x4.action.id].sort());
    expect(learning.actions).toHaveLength(4);
    expect(learning.learningThemes.slice(0, 2)).toEqual([
      { sectionId: 'assessment', title: title('assessment'), belowGood: 2, actions: 2 },
      { sectionId: 'planning-and-review', title: title('planning-and-review'), belowGood: 2, actions: 2 },
    ]);
    // Every "below good" on the record is the requires improvement and inadequate grades it lists for the same part.
    const overallBelowGood = learning.grades.overall['requires-improvement'] + learning.grades.overall.inadequate;
    expect(learning.learningThemes.find((t) => t.sectionId === 'overall-judgement')?.belowGood).toBe(overallBelowGood);
    for (const section of learning.grades.sections) {
      expect(section.belowGood).toBe(section.grades['requires-improvement'] + section.grades.inadequate);
      const theme = learning.learningThemes.find((t) => t.sectionId === section.sectionId);
      if (section.belowGood > 0) expect(theme?.belowGood, section.sectionId).toBe(section.belowGood);
    }
  });

  it('lets the managers of their teams read it, and no one else (404; 403 for tenant admins)', async () => {
    const path = `/v1/practitioners/${fixture.owner.id}/learning`;
    expect((await expectJson<PractitionerLearning>(await stack.api(fixture.teamManager.email, path))).practitioner.id).toBe(fixture.owner.id);
    for (const role of ['manager', 'qa', 'senior', 'practitioner', 'student'] as const) await expectProblem(await stack.api(nv(role), path), 404);
    await expectProblem(await stack.api(nv('admin'), path), 403);
    await expectProblem(await stack.api(fixture.owner.email, '/v1/practitioners/nv-no-such-person/learning'), 404);
  });
});

describe('a practitioner’s grades month by month', () => {
  const path = () => `/v1/practitioners/${fixture.owner.id}/learning`;
  const none = { outstanding: 0, good: 0, 'requires-improvement': 0, inadequate: 0 };

  it('counts the completed audits of their cases by overall grade in each of the twelve months to March, in the month each was completed', async () => {
    const learning = await expectJson<PractitionerLearning>(await stack.api(fixture.owner.email, path()));
    expect(learning.gradesByMonth.map((m) => m.month)).toEqual(['2030-04', '2030-05', '2030-06', '2030-07', '2030-08', '2030-09', '2030-10', '2030-11', '2030-12', '2031-01', '2031-02', '2031-03']);
    // a3 is February's audit but was completed on 12 March, so it counts in March here.
    expect(learning.gradesByMonth.at(-1)!.grades).toEqual({ outstanding: 0, good: 2, 'requires-improvement': 1, inadequate: 1 });
    expect(learning.gradesByMonth.slice(0, 11).every((m) => JSON.stringify(m.grades) === JSON.stringify(none) && m.areasForDevelopment.length === 0)).toBe(true);
  });

  it('names the sections graded below good that month (by a2 and a3), and the overall judgement, graded below good by both, in the template’s order', async () => {
    const learning = await expectJson<PractitionerLearning>(await stack.api(fixture.owner.email, path()));
    const march = learning.gradesByMonth.at(-1)!;
    expect(march.areasForDevelopment).toEqual([...GRADED.map((s) => ({ sectionId: s.id, title: s.title, belowGood: 2 })), { sectionId: 'overall-judgement', title: title('overall-judgement'), belowGood: 2 }]);
    expect(march.areasForDevelopment.at(-1)!.belowGood).toBe(march.grades['requires-improvement'] + march.grades.inadequate);
  });

  it('shows their team manager the same series, and no other practitioner, manager or authority', async () => {
    const own = await expectJson<PractitionerLearning>(await stack.api(fixture.owner.email, path()));
    const managers = await expectJson<PractitionerLearning>(await stack.api(fixture.teamManager.email, path()));
    expect(managers.gradesByMonth).toEqual(own.gradesByMonth);
    await expectProblem(await stack.api(nv('practitioner'), path()), 404);
    await expectProblem(await stack.api(fixture.owner.email, '/v1/practitioners/nv-practitioner/learning'), 404);
    for (const role of ['practitioner', 'manager', 'senior'] as const) await expectProblem(await stack.api(sm(role), path()), 404);
    await expectProblem(await stack.api(sm('manager'), '/v1/practitioners/nv-practitioner/learning'), 404);
  });
});
