/**
 * Demo thematic reviews, so the reviews pages show something at once: one published (cohort
 * drawn by criteria with the seeded draw, every case reviewed, findings, themes and
 * recommendations with an action, signed off by the senior manager) and one under way (one
 * case reviewed, the rest planned or begun, one for `practitioner@` to review). The published
 * one's audits fall six months back; the running one started a fortnight ago and its cases are
 * due at the end of next month (its audits' month), so it reads as on time, not overdue.
 * Neither is written into the dashboards' totals, and the programme leaves review audits out.
 * Ids are fixed and the review is written last, only if absent: a review already there means
 * everything hanging off it was written too.
 */
import type { Action } from '@waypoint/shared/actions/action-schemas';
import { auditFindings } from '@waypoint/shared/audits/audit-findings';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { drawCohort, type CohortCriteria } from '@waypoint/shared/reviews/cohort-criteria';
import type { Review } from '@waypoint/shared/reviews/review-schemas';
import { REVIEW_TEMPLATE_ID, thematicReviewTemplate } from '@waypoint/shared/reviews/review-template';
import { addDays, londonDate, monthEnd } from '@waypoint/shared/time/calendar-dates';
import { clock, londonMonth } from '@waypoint/shared/time/clock';
import type { Answers } from '@waypoint/shared/templates/answer-schemas';
import type { Grade } from '@waypoint/shared/templates/grade-scale';
import { putNewAction } from '../../actions/action-store.ts';
import { putNewAudit } from '../../audits/audit-store.ts';
import { getCase } from '../../cases/case-store.ts';
import type { TenantContext } from '../../platform/auth/caller.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { buildPlannedAudit } from '../../programmes/planned-audits.ts';
import { matchingCases } from '../../reviews/cohort-candidates.ts';
import { shareOut } from '../../reviews/review-audits.ts';
import { getReviewPartition, putCohortCandidates, putNewReview, putReviewActionPointer } from '../../reviews/review-store.ts';
import type { DemoTenant } from './demo-data.ts';

const at = (date: string, hour = 10) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;

async function created(write: () => Promise<void>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'conflict') return false;
    throw error;
  }
}

const GRADES: Grade[] = ['good', 'requires-improvement', 'good', 'outstanding', 'requires-improvement', 'good'];
const HEARD = ['yes', 'partly', 'yes', 'yes', 'no', 'partly'];

/** A reviewer's answers for the n-th case: the child's voice heard well in most, partly or not in some. */
function reviewAnswers(n: number, sections = 3): Answers {
  const heard = HEARD[n % HEARD.length]!;
  const grade = GRADES[n % GRADES.length]!;
  const answers: Answers = {
    voice: {
      seenAlone: heard,
      ownWords: heard === 'no' ? 'no' : 'yes',
      voiceNotes: heard === 'yes' ? 'The child was seen alone at school and their words are quoted in the assessment.' : 'Visits are recorded, but what the child said is summarised in the worker’s words.',
    },
    'acted-on': {
      shapesPlan: heard === 'no' ? 'no' : n % 2 ? 'partly' : 'yes',
      difference: 'The child now has a say in when contact happens and says they feel listened to at reviews.',
    },
    overall: { overallGrade: grade, learning: 'Use the child’s own words in the plan, and tell them what changed because of what they said.' },
  };
  return Object.fromEntries(Object.entries(answers).slice(0, sections));
}

interface DemoReview {
  review: Review;
  criteria: CohortCriteria;
  size: number;
  seed: string;
  /** Per case in the cohort's order: completed, in progress (one section answered) or still planned. */
  states: Audit['state'][];
  /** A reviewer given one case they do not hold, still to review; the others share the rest. */
  oneCaseFor?: string;
  auditMonth: string;
  /** The day its cases were drawn, and the first day one was reviewed (the next ones a day apart). */
  drawnOn: string;
  firstReviewedOn: string;
  action?: Action;
}

function demoReviews(tenant: DemoTenant, thisMonth: string, today: string): DemoReview[] {
  const p = tenant.prefix.toLowerCase();
  const old = shiftMonth(thisMonth, -6);
  const after = shiftMonth(thisMonth, -5);
  const startedOn = addDays(today, -14);
  const running = shiftMonth(thisMonth, 1);
  const base = { templateId: REVIEW_TEMPLATE_ID, templateVersion: 1, templateName: thematicReviewTemplate.name, withCaseHolder: false, themes: [], recommendations: [], version: 1 };
  const published: Review = {
    ...base,
    id: `${p}-review-1`,
    title: 'Hearing children on child protection plans',
    question: 'How well do we hear the voice of children on child protection plans, and does what they say change their plan?',
    scope: 'Open child protection cases in the Child Protection and Assessment teams. Each case is read from the start of the current plan.',
    leadId: `${p}-qa`,
    createdById: `${p}-qa`,
    casesDueBy: monthEnd(old),
    reviewerIds: [`${p}-qa`, `${p}-senior`, `${p}-tm-01`],
    state: 'published',
    startedAt: at(`${old}-03`),
    findings:
      'Most children on a plan are seen alone and their words are in the record. Where they are heard least, it is because visits are recorded as tasks done rather than what the child said.\n\nWhat children say changes their plan in about half the cases: the plan records their wishes, but rarely says what was done about them or whether the child was told.',
    themes: ['Seeing children alone', 'Their own words in the record', 'Telling children what changed'],
    recommendations: [
      { id: `${p}-review-1-rec-1`, text: 'Add a short “what the child said and what we did” section to every child protection plan review.', writtenAt: at(`${after}-04`) },
      { id: `${p}-review-1-rec-2`, text: 'Team managers check in supervision that visit records say what the child said, in their words.', writtenAt: at(`${after}-04`, 11) },
    ],
    signOff: { byId: `${p}-senior`, at: at(`${after}-10`), note: 'Agreed. The plan review change goes to the next practice forum.' },
    publishedAt: at(`${after}-12`),
    publishedById: `${p}-qa`,
    version: 9,
    createdAt: at(`${old}-01`),
    updatedAt: at(`${after}-12`),
  };
  const action: Action = {
    id: `${p}-review-1-action-1`,
    source: { type: 'review', reviewId: published.id, recommendationId: `${p}-review-1-rec-1` },
    description: 'Add “what the child said and what we did” to the child protection plan review form.',
    finding: published.recommendations[0]!.text,
    ownerId: `${p}-tm-01`,
    dueDate: addDays(today, 21),
    priority: 'medium',
    state: 'open',
    teamId: 'child-protection',
    raisedById: `${p}-qa`,
    reopenings: [],
    version: 1,
    createdAt: at(`${after}-06`),
    updatedAt: at(`${after}-06`),
  };
  const underWay: Review = {
    ...base,
    id: `${p}-review-2`,
    title: 'Hearing disabled children',
    question: 'How well do we hear disabled children, including those who do not use words to communicate?',
    scope: 'Cases of disabled children in the assessment, child protection, looked-after and early help teams. Each case is read over the last twelve months.',
    leadId: `${p}-qa`,
    createdById: `${p}-qa`,
    casesDueBy: monthEnd(running),
    reviewerIds: [`${p}-qa`, `${p}-practitioner`, `${p}-senior`],
    state: 'under-way',
    startedAt: at(startedOn),
    version: 3,
    createdAt: at(addDays(startedOn, -2)),
    updatedAt: at(startedOn),
  };
  return [
    { review: published, criteria: { caseTypes: ['child-protection'] }, size: 12, seed: `demo-review-${p}-1`, states: Array(12).fill('completed'), auditMonth: old, drawnOn: `${old}-02`, firstReviewedOn: `${old}-08`, action },
    {
      review: underWay,
      criteria: { teamIds: ['assessment', 'child-protection', 'children-looked-after', 'early-help'], disabilities: ['yes'] },
      size: 4,
      seed: `demo-review-${p}-2`,
      states: ['completed', 'in-progress', 'planned'],
      auditMonth: running,
      drawnOn: addDays(startedOn, -1),
      firstReviewedOn: addDays(startedOn, 2),
      oneCaseFor: `${p}-practitioner`,
    },
  ];
}

async function seedReview(context: TenantContext, demo: DemoReview): Promise<number> {
  const { review } = demo;
  if (await getReviewPartition(context, review.id)) return 0;
  let written = 0;
  // The same draw the cohort route makes, from a fixed seed, with its matching cases kept so it replays.
  const matching = await matchingCases(context, demo.criteria);
  const draw = drawCohort({ seed: demo.seed, size: demo.size, eligible: matching });
  const byRef = new Map(matching.map((m) => [m.ref, m]));
  await putCohortCandidates(
    context,
    review.id,
    matching.map((m) => ({ ref: m.ref, teamId: m.teamId })),
  );
  const held = new Map((await Promise.all(draw.picked.map((ref) => getCase(context, ref)))).flatMap((c) => (c ? [[c.ref, c] as const] : [])));
  const forOne = demo.oneCaseFor ? draw.picked.find((ref) => held.get(ref)?.holderId !== demo.oneCaseFor) : undefined;
  const drawn = draw.picked.map((ref) => ({ caseRef: ref, teamId: byRef.get(ref)!.teamId, caseType: byRef.get(ref)!.caseType, ...(ref === forOne ? { reviewerId: demo.oneCaseFor } : {}) }));
  const cases = shareOut(
    drawn,
    review.reviewerIds.filter((id) => id !== demo.oneCaseFor),
    review.id,
  );
  review.cohort = { method: 'criteria', criteria: demo.criteria, size: demo.size, seed: demo.seed, eligible: draw.eligible, shortfalls: draw.shortfalls, cases, drawnAt: at(demo.drawnOn), drawnById: review.leadId };
  let n = 0;
  for (const c of cases) {
    const auditedCase = held.get(c.caseRef);
    if (!auditedCase) continue;
    const planned = buildPlannedAudit(
      { id: c.auditId!, auditedCase, auditorId: c.reviewerId!, month: demo.auditMonth, createdById: review.leadId, at: review.startedAt!, reviewId: review.id },
      { ...thematicReviewTemplate, version: 1 },
      addDays(demo.drawnOn, 1),
    );
    // The reviewer's own held cases stay planned too: their learning record counts the audits of cases they hold.
    const state = c.caseRef === forOne || (demo.oneCaseFor !== undefined && auditedCase.holderId === demo.oneCaseFor) ? 'planned' : (demo.states[n++] ?? 'planned');
    const day = addDays(demo.firstReviewedOn, n);
    const answers = state === 'completed' ? reviewAnswers(n) : state === 'in-progress' ? reviewAnswers(n, 1) : {};
    const audit: Audit =
      state === 'planned'
        ? planned
        : {
            ...planned,
            state,
            conversationDate: day,
            answers,
            ...auditFindings(thematicReviewTemplate, answers),
            ...(state === 'completed' ? { completedAt: at(day, 15), completedById: c.reviewerId! } : {}),
            version: state === 'completed' ? 3 : 2,
            updatedAt: at(day, 15),
          };
    if (await created(() => putNewAudit(context, audit, { totals: false }))) written++;
  }
  if (demo.action) {
    if (await created(() => putNewAction(context, demo.action!, { totals: false }))) written++;
    const source = demo.action.source as Extract<Action['source'], { type: 'review' }>;
    await putReviewActionPointer(context, review.id, { actionId: demo.action.id, recommendationId: source.recommendationId });
  }
  if (await created(() => putNewReview(context, review))) written++;
  return written;
}

export async function seedDemoReviews(options: { context: TenantContext; tenant: DemoTenant }): Promise<number> {
  const now = clock.now();
  let written = 0;
  for (const demo of demoReviews(options.tenant, londonMonth(now), londonDate(now))) written += await seedReview(options.context, demo);
  return written;
}
