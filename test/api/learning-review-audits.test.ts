/**
 * A thematic review's audit on a practitioner's learning record: the grades table and the
 * themes table count its overall grade alike, and its sections are named by their titles.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { PractitionerLearning } from '@waypoint/shared/dashboards/learning-schemas';
import { thematicReviewTemplate } from '@waypoint/shared/reviews/review-template';
import { addDays } from '@waypoint/shared/time/calendar-dates';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, nv } from './api-client.ts';
import { moveAudit, patchAudit, requiredAnswers, todayInLondon } from './audits-support.ts';
import { startedReview } from './reviews-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const learningOf = async () => expectJson<PractitionerLearning>(await stack.api(nv('practitioner'), '/v1/practitioners/nv-practitioner/learning'));
const belowGood = (l: PractitionerLearning) => l.grades.overall['requires-improvement'] + l.grades.overall.inadequate;
const overallThemes = (l: PractitionerLearning, ids: string[]) => l.learningThemes.filter((t) => ids.includes(t.sectionId)).reduce((sum, t) => sum + t.belowGood, 0);

it('counts a review audit’s overall grade in the themes as in the grades table', async () => {
  const before = await learningOf();
  // NV-00001 is the practitioner's case; QA reviews it and grades it Requires improvement.
  const review = await startedReview(stack, { reviewerIds: ['nv-qa'], caseRefs: ['NV-00001'], casesDueBy: addDays(todayInLondon(), 20) });
  const auditId = review.cases[0]!.auditId!;
  const planned = await stack.api(nv('qa'), `/v1/audits/${auditId}`);
  const current = { audit: await expectJson<Audit>(planned), etag: planned.headers.get('etag')! };
  const ready = await patchAudit(stack, current, { conversationDate: todayInLondon(), answers: requiredAnswers(thematicReviewTemplate, 'requires-improvement') }, nv('qa'));
  await expectJson(await moveAudit(stack, ready, 'complete', {}, nv('qa')));

  const after = await learningOf();
  expect(belowGood(after)).toBe(belowGood(before) + 1);
  const overallIds = ['overall-judgement', 'overall'];
  expect(overallThemes(before, overallIds)).toBe(belowGood(before));
  expect(overallThemes(after, overallIds)).toBe(belowGood(after));
  expect(after.learningThemes.find((t) => t.sectionId === 'overall')?.title).toBe('3. Overall');
});
