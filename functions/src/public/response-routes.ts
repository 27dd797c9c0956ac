/**
 * `/v1/public/{slug}/response`: within a session, reading the form and the answers so
 * far, saving a page's answers (checked against the pinned form, and for anything
 * worrying), and sending the response exactly once.
 */
import { Hono } from 'hono';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { presentationFor } from '@waypoint/shared/engagement/audiences';
import { PUBLIC_LINK_DAILY_LIMIT } from '@waypoint/shared/engagement/invitation-codes';
import { localiseForm } from '@waypoint/shared/engagement/localised-form';
import { publicActivity, safetyHelp, type PublicResponseView } from '@waypoint/shared/engagement/public-views';
import { honeypotFilled, PublicFormQuery, saveAnswersBodyFor, SubmitResponseBody, type FeedbackResponse, type ResponseSaved } from '@waypoint/shared/engagement/response-schemas';
import { safetyReasonKey, safetyReasons } from '@waypoint/shared/engagement/safety';
import { mergeAnswers } from '@waypoint/shared/templates/answer-schemas';
import { questionsOf, type TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { raiseSafetyAlert } from '../alerts/alert-raising.ts';
import { countActivityResponse } from '../engagement/activity-store.ts';
import { countWithin, getCode } from '../engagement/code-store.ts';
import { getResponse, markSubmitted, saveDraft, unmarkSubmitted } from '../engagement/response-store.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { readJsonBody, readQuery } from '../platform/http/validation.ts';
import { getTemplateVersion } from '../templates/template-store.ts';
import { publicAuthority } from './public-routes.ts';
import { liveSession, readSession, sessionExpired } from './public-session.ts';
import { settingsOf } from './public-tenant.ts';
import { linkCounter, requireOpen } from './session-opening.ts';

export const responseRoutes = new Hono<AppEnv>();

const responseSent = () => new ApiError('gone', 'This response has been sent already. Thank you for telling us.', { reason: 'response-sent' });

async function pinnedForm(tenant: TenantContext, response: FeedbackResponse): Promise<TemplateVersion> {
  const form = await getTemplateVersion(tenant, response.templateId, response.templateVersion);
  if (!form) throw sessionExpired();
  return form;
}

function saved(response: Pick<FeedbackResponse, 'id' | 'state' | 'submittedAt' | 'safety' | 'answers'>, form: Pick<TemplateVersion, 'sections'> | undefined): ResponseSaved {
  const questions = form ? questionsOf(form).filter(({ question }) => question.type === 'choice' || question.type === 'text') : [];
  return {
    responseId: response.id,
    state: response.state,
    submittedAt: response.submittedAt ?? null,
    showHelp: response.safety.flagged,
    answered: questions.filter(({ section, question }) => response.answers[section.id]?.[question.id] !== undefined).length,
    questions: questions.length,
  };
}

responseRoutes.get('/:slug/response', async (c) => {
  const session = await readSession(c);
  if (session.decoy) throw sessionExpired();
  const { lang } = readQuery(c, PublicFormQuery);
  const { tenant, activity, response } = await liveSession(c, session);
  const [form, settings] = await Promise.all([pinnedForm(tenant, response), settingsOf(tenant)]);
  const language = lang ?? response.language;
  const view: PublicResponseView = {
    authority: publicAuthority(session.slug, settings),
    activity: publicActivity(activity, language),
    presentation: presentationFor(activity.audience),
    form: localiseForm(form, language),
    response: { id: response.id, state: response.state, answers: response.answers, submittedAt: response.submittedAt ?? null, language: response.language },
    showHelp: response.safety.flagged,
    help: safetyHelp(settings.dutyPhone),
  };
  return c.json(view);
});

responseRoutes.put('/:slug/response/answers', async (c) => {
  const session = await readSession(c);
  if (session.decoy) return c.json(saved({ id: session.responseId, state: 'draft', safety: { flagged: false, reasons: [] }, answers: {} }, undefined));
  const { tenant, activity, response } = await liveSession(c, session);
  const now = clock.now();
  if (response.state === 'submitted') throw responseSent();
  requireOpen(activity, londonDate(now));
  const form = await pinnedForm(tenant, response);
  const body = await readJsonBody(c, saveAnswersBodyFor(form));
  if (honeypotFilled(body)) return c.json(saved(response, form));

  const settings = await settingsOf(tenant);
  const answers = mergeAnswers(response.answers, body.answers);
  const found = safetyReasons(form, answers, settings.safetyPhrases ?? {});
  // Once worrying, always worrying: changing an answer afterwards does not take the alert back.
  const known = new Set(response.safety.reasons.map(safetyReasonKey));
  const reasons = [...response.safety.reasons, ...found.filter((r) => !known.has(safetyReasonKey(r)))];
  const next = await saveDraft(tenant, { id: response.id, activityId: activity.id, answers, language: body.lang ?? response.language, safety: { flagged: reasons.length > 0, reasons } }, now);
  if (!next) throw responseSent();
  if (reasons.length) {
    const code = session.codeId ? await getCode(tenant, activity.id, session.codeId) : undefined;
    await raiseSafetyAlert({ tenant, response: next, activity, code, reasons, settings, now });
  }
  return c.json(saved(next, form));
});

responseRoutes.post('/:slug/response/submit', async (c) => {
  const session = await readSession(c);
  const now = clock.now();
  const body = await readJsonBody(c, SubmitResponseBody);
  const decoy = saved({ id: session.responseId, state: 'submitted', submittedAt: now.toISOString(), safety: { flagged: false, reasons: [] }, answers: {} }, undefined);
  if (session.decoy) return c.json(decoy);
  const { tenant, activity, response } = await liveSession(c, session);
  const form = await pinnedForm(tenant, response);
  // Sending again answers the same as the first time and stores nothing more.
  if (response.state === 'submitted') return c.json(saved(response, form));
  if (honeypotFilled(body)) return c.json({ ...saved(response, form), state: 'submitted', submittedAt: now.toISOString() });
  const today = londonDate(now);
  requireOpen(activity, today);
  const code = session.codeId ? await getCode(tenant, activity.id, session.codeId) : undefined;
  const tooMany = () => new ApiError('too-many-requests', 'This code has been used as many times as it can be.', { reason: 'too-many-responses' });
  if (code && code.submissions >= code.maxResponses) throw tooMany();

  const settings = await settingsOf(tenant);
  if (!(await markSubmitted(tenant, response, now, settings.retentionYears))) {
    const current = await getResponse(tenant, activity.id, response.id, now);
    if (current?.state === 'submitted') return c.json(saved(current, form));
    throw sessionExpired();
  }
  // Counted after the response is marked, so a retry after a crash can only under-count, never lock a child out.
  const counter = code ? { key: tenant.keys.invitationCode(activity.id, code.id), limit: code.maxResponses } : { key: tenant.keys.engagementCounter(activity.id, linkCounter(today)), limit: PUBLIC_LINK_DAILY_LIMIT };
  if (!(await countWithin(tenant, counter.key, 'submissions', counter.limit))) {
    await unmarkSubmitted(tenant, response, now);
    throw tooMany();
  }
  await countActivityResponse(tenant, activity.id, 'submitted');
  const sent = await getResponse(tenant, activity.id, response.id, now);
  return c.json(saved(sent ?? { ...response, state: 'submitted', submittedAt: now.toISOString() }, form));
});
