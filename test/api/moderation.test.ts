/**
 * Moderation over HTTP: QA re-grades completed audits section by section, the auditor sees
 * it, nobody moderates their own audit, a month's suggested sample is seeded, and agreement
 * is exact share and quadratic-weighted kappa, checked here against values worked by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit, AuditDetail } from '@waypoint/shared/audits/audit-schemas';
import type { Moderation } from '@waypoint/shared/moderation/moderation-schemas';
import type { Grade } from '@waypoint/shared/templates/grade-scale';
import { londonMonth } from '@waypoint/shared/time/clock';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv } from './api-client.ts';
import { JOURNEY, messagesAbout, moveAudit, patchAudit, planAudit, requiredAnswers, todayInLondon } from './audits-support.ts';

let stack: TestStack;
const MONTH = londonMonth(new Date());
/** This month's completed audits: A and B by the home team's manager, C by the senior manager in another team, D by QA. */
const audits: Record<'A' | 'B' | 'C' | 'D', Audit> = {} as never;

async function completed(email: string, caseRef: string, grade: Grade): Promise<Audit> {
  const planned = await planAudit(stack, { caseRef }, email);
  const ready = await patchAudit(stack, planned, { conversationDate: todayInLondon(), answers: requiredAnswers(JOURNEY, grade) }, email);
  return expectJson<Audit>(await moveAudit(stack, ready, 'complete', {}, email));
}

beforeAll(async () => {
  stack = await startStack();
  audits.A = await completed(nv('manager'), 'NV-00041', 'good');
  audits.B = await completed(nv('manager'), 'NV-00042', 'requires-improvement');
  audits.C = await completed(nv('senior'), 'NV-00013', 'outstanding');
  audits.D = await completed(nv('qa'), 'NV-00043', 'good');
});
afterAll(async () => {
  await stack?.stop();
});

const moderate = (email: string, auditId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => stack.api(email, `/v1/audits/${auditId}/moderation`, jsonInit('PUT', body, headers));

interface Suggestions {
  seed: string;
  size: number;
  completed: number;
  eligible: number;
  items: { id: string; auditorId: string }[];
}

describe('suggesting audits to moderate', () => {
  it('draws the month’s completed audits, never the caller’s own, from the month’s seed: the same every time', async () => {
    const first = await expectJson<Suggestions>(await stack.api(nv('qa'), `/v1/moderation/suggestions?month=${MONTH}&size=10`));
    expect(first).toMatchObject({ seed: `moderation:${MONTH}`, size: 10, completed: 4, eligible: 3 });
    expect(first.items.map((a) => a.id).sort()).toEqual([audits.A.id, audits.B.id, audits.C.id].sort());
    const again = await expectJson<Suggestions>(await stack.api(nv('qa'), `/v1/moderation/suggestions?month=${MONTH}&size=10`));
    expect(again.items).toEqual(first.items);
  });

  it('suggests a tenth of the month’s completed audits, at least one, by default, spread over auditors', async () => {
    const suggestion = await expectJson<Suggestions>(await stack.api(nv('qa'), `/v1/moderation/suggestions?month=${MONTH}`));
    expect(suggestion.items).toHaveLength(1);
    const two = await expectJson<Suggestions>(await stack.api(nv('qa'), `/v1/moderation/suggestions?month=${MONTH}&size=2`));
    expect(new Set(two.items.map((a) => a.auditorId)).size).toBe(2);
  });

  it('is for QA officers only, and refuses a bad month or size with 400', async () => {
    for (const role of ['manager', 'senior', 'practitioner', 'student', 'admin'] as const) await expectProblem(await stack.api(nv(role), `/v1/moderation/suggestions?month=${MONTH}`), 403);
    for (const query of ['', 'month=2026-13', `month=${MONTH}&size=0`, `month=${MONTH}&size=51`]) await expectProblem(await stack.api(nv('qa'), `/v1/moderation/suggestions?${query}`), 400);
  });
});

describe('moderating an audit', () => {
  it('refuses anyone but QA (403), and QA on an audit they ran (403)', async () => {
    const body = { overallGrade: 'good', comment: 'Agree.' };
    for (const role of ['manager', 'senior'] as const) await expectProblem(await moderate(nv(role), audits.A.id, body), 403);
    const own = await expectProblem(await moderate(nv('qa'), audits.D.id, body), 403);
    expect(own.detail).toMatch(/ran this audit/);
  });

  it('refuses an audit not yet completed (409) and grades with nothing to compare (400 naming them), writing nothing', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00044' });
    await expectProblem(await moderate(nv('qa'), planned.audit.id, { overallGrade: 'good', comment: 'Too early' }), 409);
    const unknown = await expectProblem(await moderate(nv('qa'), audits.A.id, { sections: { 'no-such-section': { grade: 'good' } }, comment: 'x' }), 400);
    expect(unknown.errors?.map((e) => e.path)).toEqual(['sections.no-such-section']);
    const empty = await expectProblem(await moderate(nv('qa'), audits.A.id, { comment: 'Nothing re-graded' }), 400);
    expect(empty.errors?.length).toBe(1);
    const offScale = await expectProblem(await moderate(nv('qa'), audits.A.id, { overallGrade: 'excellent', comment: 'x' }), 400);
    expect(offScale.errors?.map((e) => e.path)).toEqual(['overallGrade']);
    await expectProblem(await stack.api(nv('qa'), `/v1/audits/${audits.A.id}/moderation`), 404);
  });

  it('records the moderator’s grades beside the auditor’s, shows it on the audit, and tells the auditor', async () => {
    const response = await moderate(nv('qa'), audits.A.id, { sections: { assessment: { grade: 'requires-improvement', comment: 'The analysis is descriptive.' }, 'case-summary': { grade: 'good' } }, overallGrade: 'good', comment: 'Agree overall.' });
    const moderation = await expectJson<Moderation>(response, 201);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(moderation).toMatchObject({ auditId: audits.A.id, month: MONTH, teamId: 'child-in-need', auditorId: 'nv-manager', moderatorId: 'nv-qa', overallGrade: 'good', auditorOverallGrade: 'good', version: 1 });
    expect(moderation.auditorSectionGrades.assessment).toBe('good');
    const seenByAuditor = await expectJson<AuditDetail>(await stack.api(nv('manager'), `/v1/audits/${audits.A.id}`));
    expect(seenByAuditor.moderation).toEqual(moderation);
    expect(seenByAuditor.people['nv-qa']).toBe('Quinn Adeyemi');
    const mail = (await messagesAbout(stack, audits.A.id)).filter((m) => m.subject.includes('moderated'));
    expect(mail.map((m) => m.to)).toEqual(['manager@northvale.example']);
    expect(mail[0]!.text).not.toContain('requires');
  });

  it('is revised only with the moderation’s ETag: 428 without, 412 when stale', async () => {
    const revision = { sections: { assessment: { grade: 'requires-improvement' } }, overallGrade: 'good', comment: 'Agree overall; see assessment.' };
    await expectProblem(await moderate(nv('qa'), audits.A.id, revision), 428);
    await expectProblem(await moderate(nv('qa'), audits.A.id, revision, { 'if-match': '"9"' }), 412);
    const revised = await expectJson<Moderation>(await moderate(nv('qa'), audits.A.id, { ...revision, sections: { ...revision.sections, 'case-summary': { grade: 'good' } } }, { 'if-match': '"1"' }));
    expect(revised.version).toBe(2);
    expect((await expectJson<Moderation>(await stack.api(nv('senior'), `/v1/audits/${audits.A.id}/moderation`))).comment).toBe('Agree overall; see assessment.');
  });

  it('takes moderated audits out of the suggestion', async () => {
    const suggestion = await expectJson<Suggestions>(await stack.api(nv('qa'), `/v1/moderation/suggestions?month=${MONTH}&size=10`));
    expect(suggestion.items.map((a) => a.id)).not.toContain(audits.A.id);
  });
});

describe('agreement between auditors and moderators', () => {
  beforeAll(async () => {
    await expectJson(await moderate(nv('qa'), audits.B.id, { sections: { assessment: { grade: 'requires-improvement' } }, overallGrade: 'inadequate', comment: 'Risk not reduced.' }), 201);
    await expectJson(await moderate(nv('qa'), audits.C.id, { sections: { 'case-summary': { grade: 'outstanding' } }, overallGrade: 'good', comment: 'Strong, but good overall.' }), 201);
  });

  interface Figures {
    pairs: number;
    exact: number;
    exactShare: number | null;
    weightedKappa: number | null;
  }
  interface Report {
    months: string[];
    all: { audits: number; grades: Figures; overall: Figures };
    teams: { teamId: string; teamName: string; audits: number; grades: Figures; overall: Figures }[];
  }

  it('gives exact agreement and quadratic-weighted kappa for the month, worked by hand', async () => {
    // Pairs (auditor, moderator) on points best = 0: A (1,2) (1,1) overall (1,1); B (2,2) overall (2,3); C (0,0) overall (0,1).
    // 7 pairs, 4 exact. Observed weighted disagreement 3 × 1/9 ÷ 7 = 1/21; expected 77/9 ÷ 49 = 11/63; kappa = 1 − 3/11 = 8/11.
    const report = await expectJson<Report>(await stack.api(nv('qa'), `/v1/moderation/agreement?period=${MONTH}`));
    expect(report.months).toEqual([MONTH]);
    expect(report.all.audits).toBe(3);
    expect(report.all.grades).toMatchObject({ pairs: 7, exact: 4 });
    expect(report.all.grades.exactShare).toBeCloseTo(4 / 7, 12);
    expect(report.all.grades.weightedKappa).toBeCloseTo(8 / 11, 12);
    expect(report.all.overall).toMatchObject({ pairs: 3, exact: 1 });
  });

  it('breaks it down by team, worked by hand', async () => {
    const report = await expectJson<Report>(await stack.api(nv('senior'), `/v1/moderation/agreement?period=${MONTH}`));
    const home = report.teams.find((t) => t.teamId === 'child-in-need')!;
    // Home team: (1,2) (1,1) (1,1) (2,2) (2,3): 3 of 5 exact; observed 2/45, expected 8/75, kappa = 1 − 5/12 = 7/12.
    expect(home).toMatchObject({ teamName: 'Child in Need', audits: 2, grades: { pairs: 5, exact: 3 } });
    expect(home.grades.weightedKappa).toBeCloseTo(7 / 12, 12);
    // Assessment: (0,0) (0,1): observed equals what chance alone gives, so kappa is 0.
    const assessment = report.teams.find((t) => t.teamId === 'assessment')!;
    expect(assessment.grades).toMatchObject({ pairs: 2, exact: 1, exactShare: 0.5 });
    expect(assessment.grades.weightedKappa).toBeCloseTo(0, 12);
    const filtered = await expectJson<Report>(await stack.api(nv('qa'), `/v1/moderation/agreement?period=${MONTH}&team=assessment`));
    expect(filtered.teams.map((t) => t.teamId)).toEqual(['assessment']);
    expect(filtered.all.grades).toEqual(assessment.grades);
  });

  it('covers a quarter or a year, where the demo moderations of earlier months count too', async () => {
    const year = await expectJson<Report>(await stack.api(nv('qa'), `/v1/moderation/agreement?period=${MONTH.slice(0, 4)}`));
    expect(year.months).toHaveLength(12);
    expect(year.all.audits).toBeGreaterThanOrEqual(3);
  });

  it('lists the month’s moderations for QA and senior managers', async () => {
    const list = await expectJson<{ items: Moderation[] }>(await stack.api(nv('senior'), `/v1/moderation?month=${MONTH}`));
    expect(list.items.map((m) => m.auditId).sort()).toEqual([audits.A.id, audits.B.id, audits.C.id].sort());
    await expectProblem(await stack.api(nv('manager'), `/v1/moderation?month=${MONTH}`), 403);
  });

  it('refuses other roles (403), a bad period or an unknown team (400)', async () => {
    for (const role of ['manager', 'practitioner', 'student', 'admin'] as const) await expectProblem(await stack.api(nv(role), `/v1/moderation/agreement?period=${MONTH}`), 403);
    for (const query of ['', 'period=last-year', 'period=2026-Q5', `period=${MONTH}&team=nowhere`, `period=${MONTH}&team=a%23b`]) {
      const problem = await expectProblem(await stack.api(nv('qa'), `/v1/moderation/agreement?${query}`), 400);
      expect(problem.errors?.length).toBeGreaterThan(0);
    }
  });
});
