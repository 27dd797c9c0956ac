/**
 * Opening a session: a code (looked up in this authority only) or an activity's public
 * link, checked and counted, gives a short signed session for one response. A single-use
 * code always comes back to its one response; a shared code or the link starts a new one.
 */
import { ulid } from 'ulid';
import { newResponseId } from './response-ids.ts';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { activityState, type EngagementActivity } from '@waypoint/shared/engagement/activity-schemas';
import { codeStatus, normaliseInvitationCode, PUBLIC_LINK_DAILY_LIMIT, sessionLimit } from '@waypoint/shared/engagement/invitation-codes';
import type { EngagementLanguage } from '@waypoint/shared/engagement/languages';
import type { FeedbackResponse, SessionStarted, StartSessionBody } from '@waypoint/shared/engagement/response-schemas';
import { countActivityResponse, getActivity } from '../engagement/activity-store.ts';
import { claimResponseForCode, countWithin, findCode, type StoredCode } from '../engagement/code-store.ts';
import { getResponse, putNewResponse } from '../engagement/response-store.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { signSession } from './session-tokens.ts';
import { countWrongCode, requireTriesLeft } from './wrong-code-limits.ts';

const unknownCode = () => new ApiError('not-found', 'We could not find that code. Check it and try again, or ask the person who gave it to you.', { reason: 'unknown-code' });
const tooMany = () => new ApiError('too-many-requests', 'This code has been used as many times as it can be for now.', { reason: 'too-many-responses' });

export function requireOpen(activity: EngagementActivity, today: string): void {
  if (activityState(activity, today) !== 'open') throw new ApiError('gone', 'This activity is not open at the moment.', { reason: 'activity-not-open' });
}

/** The counter of the public link's use on one London day. */
export const linkCounter = (today: string) => `LINK.${today}`;

interface Opening {
  tenant: TenantContext;
  slug: string;
  body: StartSessionBody;
  now: Date;
  /** The keyed hash naming who is trying codes (`wrong-code-limits.ts`). */
  client: string;
}

export async function openSession(options: Opening): Promise<SessionStarted> {
  return options.body.code !== undefined ? openWithCode(options, options.body.code) : openWithLink(options, options.body.activityId!);
}

async function openWithCode(options: Opening, typed: string): Promise<SessionStarted> {
  const { tenant, now } = options;
  const today = londonDate(now);
  await requireTriesLeft(tenant, options.client, now);
  const normalised = normaliseInvitationCode(typed);
  const code = normalised ? await findCode(tenant, normalised) : undefined;
  const activity = code ? await getActivity(tenant, code.activityId) : undefined;
  if (!code || !activity) {
    await countWrongCode(tenant, options.client, now);
    throw unknownCode();
  }
  const status = codeStatus(code, today);
  if (status === 'revoked') throw new ApiError('gone', 'This code has been withdrawn. Ask the person who gave it to you for a new one.', { reason: 'code-revoked' });
  if (status === 'expired') throw new ApiError('gone', 'This code has expired. Ask the person who gave it to you for a new one.', { reason: 'code-expired' });
  requireOpen(activity, today);
  if (status === 'used') {
    if (code.kind === 'single-use') throw new ApiError('gone', 'This code has already been used to send a response. Thank you.', { reason: 'code-used' });
    throw tooMany();
  }
  if (!(await countWithin(tenant, tenant.keys.invitationCode(code.activityId, code.id), 'sessions', sessionLimit(code)))) throw tooMany();

  const language = options.body.lang ?? 'en';
  if (code.kind === 'shared') return start(options, activity, code, await newResponse(tenant, activity, code, language, now), false);
  const wanted = newResponseId();
  const responseId = code.responseId ?? (await claimResponseForCode(tenant, code, wanted));
  const existing = await getResponse(tenant, activity.id, responseId, now);
  if (existing?.state === 'submitted') throw new ApiError('gone', 'This code has already been used to send a response. Thank you.', { reason: 'code-used' });
  if (existing) return start(options, activity, code, existing, true);
  return start(options, activity, code, await newResponse(tenant, activity, code, language, now, responseId), responseId !== wanted);
}

async function openWithLink(options: Opening, activityId: string): Promise<SessionStarted> {
  const { tenant, now } = options;
  const today = londonDate(now);
  const activity = await getActivity(tenant, activityId);
  if (!activity?.publicLink) throw new ApiError('not-found', 'There is nothing to answer at this link.', { reason: 'unknown-activity' });
  requireOpen(activity, today);
  if (!(await countWithin(tenant, tenant.keys.engagementCounter(activity.id, linkCounter(today)), 'sessions', PUBLIC_LINK_DAILY_LIMIT))) {
    throw new ApiError('too-many-requests', 'A lot of people are answering today; please try again tomorrow.', { reason: 'too-many-responses' });
  }
  return start(options, activity, undefined, await newResponse(tenant, activity, undefined, options.body.lang ?? 'en', now), false);
}

async function newResponse(tenant: TenantContext, activity: EngagementActivity, code: StoredCode | undefined, language: EngagementLanguage, now: Date, id = newResponseId()): Promise<FeedbackResponse> {
  const at = now.toISOString();
  const response: FeedbackResponse = {
    id,
    activityId: activity.id,
    templateId: activity.templateId,
    templateVersion: activity.templateVersion,
    ...(code ? { codeId: code.id } : {}),
    language,
    answers: {},
    state: 'draft',
    startedAt: at,
    updatedAt: at,
    safety: { flagged: false, reasons: [] },
  };
  if (await putNewResponse(tenant, response, now)) await countActivityResponse(tenant, activity.id, 'started');
  return (await getResponse(tenant, activity.id, id, now)) ?? response;
}

async function start(options: Opening, activity: EngagementActivity, code: StoredCode | undefined, response: FeedbackResponse, resumed: boolean): Promise<SessionStarted> {
  const { token, expiresAt } = await signSession({ tenantId: options.tenant.tenantId, slug: options.slug, activityId: activity.id, responseId: response.id, ...(code ? { codeId: code.id } : {}) }, options.now);
  return { token, expiresAt, activityId: activity.id, responseId: response.id, resumed };
}

/** What a bot that filled the honeypot gets: a session that looks real and reaches nothing. */
export async function decoySession(tenantId: string, slug: string, now: Date): Promise<SessionStarted> {
  const ids = { activityId: ulid(now.getTime()), responseId: newResponseId() };
  const { token, expiresAt } = await signSession({ tenantId, slug, ...ids, decoy: true }, now);
  return { token, expiresAt, ...ids, resumed: false };
}
