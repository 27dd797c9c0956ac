/**
 * The steps of a shadowing after booking, each with If-Match and checked in one order: may
 * see it (404), If-Match (428), body (400), version (412), whose move it is (403), whether it
 * can be made now (409), dates (400). Every step is in the activity log.
 */
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { answersPatchSchema, missingAnswers, type Answers } from '@waypoint/shared/templates/answer-schemas';
import { hasWrittenFeedback } from '@waypoint/shared/shadowing/shadowing-moves';
import {
  CancelShadowingBody,
  ConsentBody,
  PractitionerFeedbackBody,
  ShadowerFeedbackBody,
  ShadowingAnswerBody,
  ShadowingId,
  ShadowingTags,
  WithdrawConsentBody,
  type Shadowing,
  type ShadowingMove,
  type ShadowingSide,
} from '@waypoint/shared/shadowing/shadowing-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { today } from '../audits/audit-checks.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { changedFields } from '../platform/database/versioned-items.ts';
import { ApiError, type FieldError } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { getTemplateVersion } from '../templates/template-store.ts';
import { findOwnShadowing, namesOf, requireMove, viewFor } from './shadowing-access.ts';
import { notifyFeedbackWaiting, notifyShadowingAnswered } from './shadowing-notifications.ts';
import { updateShadowing } from './shadowing-store.ts';

export const shadowingStepRoutes = new Hono<AppEnv>();

interface Step<T> {
  shadowing: Shadowing;
  side: ShadowingSide;
  body: T;
  today: string;
  at: string;
}

/** Finds the caller's shadowing, reads If-Match and the body, then checks the version and the move. */
async function beginStep<T>(
  c: Context<AppEnv>,
  move: ShadowingMove | ((s: Shadowing, side: ShadowingSide, body: T) => ShadowingMove),
  bodyFor: (s: Shadowing, side: ShadowingSide) => Promise<v.GenericSchema<unknown, T>> | v.GenericSchema<unknown, T>,
): Promise<Step<T>> {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', ShadowingId);
  const { shadowing, side } = await findOwnShadowing(tenant, staff, id);
  const expected = requireIfMatch(c);
  const body = await readJsonBody(c, await bodyFor(shadowing, side));
  if (expected !== shadowing.version) throw new ApiError('precondition-failed', `The shadowing was changed by someone else (now version ${shadowing.version}); read it again and reapply your change`);
  const on = today();
  requireMove({ shadowing, side, move: typeof move === 'function' ? move(shadowing, side, body) : move, today: on });
  return { shadowing, side, body, today: on, at: clock.nowIso() };
}

/** Saves the change, logs it and answers with the shadowing as the caller now reads it. */
async function finishStep(c: Context<AppEnv>, step: Step<unknown>, changes: Partial<Record<keyof Shadowing, unknown>>) {
  const { tenant, staff } = c.var;
  const updated = await updateShadowing({ tenant, current: step.shadowing, expectedVersion: step.shadowing.version, changes, at: step.at });
  await recordActivity({
    tenant,
    actor: staff,
    action: 'updated',
    entity: 'shadowing',
    entityId: updated.id,
    versionBefore: step.shadowing.version,
    versionAfter: updated.version,
    at: step.at,
    changes: changedFields(step.shadowing as never, updated as never),
  });
  setEtag(c, updated.version);
  return { updated, view: viewFor(updated, step.side, step.today, await namesOf(tenant, [updated])) };
}

function requireDates(errors: FieldError[]): void {
  if (errors.length) throw new ApiError('validation', errors.length === 1 ? errors[0]!.message : `There are ${errors.length} problems with the dates`, { errors });
}

shadowingStepRoutes.post('/:id/answer', async (c) => {
  const step = await beginStep(
    c,
    (_s, _side, body) => body.answer,
    () => ShadowingAnswerBody,
  );
  const agreed = step.body.answer === 'agree';
  const { updated, view } = await finishStep(c, step, { state: agreed ? 'agreed' : 'declined', answeredAt: step.at, declineReason: agreed ? undefined : step.body.reason });
  await notifyShadowingAnswered(c.var.tenant, updated, view.people[updated.practitionerId] ?? 'The practitioner', step.at);
  return c.json(view);
});

shadowingStepRoutes.post('/:id/cancel', async (c) => {
  const step = await beginStep(c, 'cancel', () => CancelShadowingBody);
  const { view } = await finishStep(c, step, { state: 'cancelled', cancelledAt: step.at, cancelReason: step.body.reason });
  return c.json(view);
});

shadowingStepRoutes.put('/:id/consent', async (c) => {
  const step = await beginStep(c, 'record-consent', () => ConsentBody);
  requireDates(step.body.givenOn > step.today ? [{ path: 'givenOn', message: 'The day consent was given cannot be in the future' }] : []);
  const { view } = await finishStep(c, step, { consent: { ...step.body, recordedById: c.var.staff.userId, recordedAt: step.at } });
  return c.json(view);
});

/** Withdrawal stops the shadowing for good, and removes what was observed of the family's life. */
shadowingStepRoutes.post('/:id/consent/withdrawal', async (c) => {
  const step = await beginStep(c, 'withdraw-consent', () => WithdrawConsentBody);
  const errors: FieldError[] = [];
  if (step.body.withdrawnOn > step.today) errors.push({ path: 'withdrawnOn', message: 'The day consent was withdrawn cannot be in the future' });
  else if (step.shadowing.consent && step.body.withdrawnOn < step.shadowing.consent.givenOn) errors.push({ path: 'withdrawnOn', message: 'Consent cannot be withdrawn before it was given' });
  requireDates(errors);
  const { view } = await finishStep(c, step, { state: 'stopped', withdrawal: { ...step.body, recordedById: c.var.staff.userId, recordedAt: step.at }, observation: undefined });
  return c.json(view);
});

/** The observation: the pinned template's answers (every required one) and themes from the list. */
shadowingStepRoutes.put('/:id/observation', async (c) => {
  const step = await beginStep(c, 'observe', async (s) => v.strictObject({ answers: answersPatchSchema(await pinnedObservationTemplate(c, s)), tags: ShadowingTags }));
  const answers = withoutBlanks(step.body.answers);
  const missing = missingAnswers(await pinnedObservationTemplate(c, step.shadowing), answers).map((m) => ({ path: m.path, message: m.message.replace(' before completing', '') }));
  if (missing.length) throw new ApiError('validation', `The observation has ${missing.length} unanswered question${missing.length === 1 ? '' : 's'}`, { errors: missing });
  const { view } = await finishStep(c, step, { observation: { answers, tags: step.body.tags, recordedAt: step.at } });
  return c.json(view);
});

async function pinnedObservationTemplate(c: Context<AppEnv>, s: Shadowing) {
  const template = await getTemplateVersion(c.var.tenant, s.templateId, s.templateVersion);
  if (!template) throw new Error(`Observation template ${s.templateId} version ${s.templateVersion} is missing`);
  return template;
}

/** Each side writes once; the other is told it is waiting for theirs. */
shadowingStepRoutes.put('/:id/feedback', async (c) => {
  const step = await beginStep<Record<string, string>>(c, 'give-feedback', (_s, side) => (side === 'shadower' ? ShadowerFeedbackBody : PractitionerFeedbackBody));
  const field = step.side === 'shadower' ? 'shadowerFeedback' : 'practitionerFeedback';
  const { updated, view } = await finishStep(c, step, { [field]: { ...step.body, writtenAt: step.at } });
  const other: ShadowingSide = step.side === 'shadower' ? 'practitioner' : 'shadower';
  if (!hasWrittenFeedback(updated, other)) await notifyFeedbackWaiting(c.var.tenant, updated, other, step.at);
  return c.json(view);
});

type AnswerPatch = Record<string, Record<string, unknown> | undefined>;

/** A form sends blanks as null: the observation keeps only what was answered. */
function withoutBlanks(patch: AnswerPatch): Answers {
  const answers: Answers = {};
  for (const [sectionId, section] of Object.entries(patch)) {
    const kept = Object.entries(section ?? {}).filter(([, value]) => value !== null && value !== undefined);
    if (kept.length) answers[sectionId] = Object.fromEntries(kept) as Answers[string];
  }
  return answers;
}
