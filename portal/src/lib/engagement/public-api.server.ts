/**
 * The public engagement routes of the Waypoint API (`/v1/public/{slug}`), called without a
 * staff token: a signed session token from `POST .../sessions` stands in for one. Refusals
 * come back as values with their `reason`, so each page can say kindly what went wrong.
 */
import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { EngagementLanguage } from '@waypoint/shared/engagement/languages';
import { PUBLIC_PROBLEM_REASONS, type PublicProblemReason } from '@waypoint/shared/engagement/public-problems';
import type { PublicAuthorityPage, PublicResponseView } from '@waypoint/shared/engagement/public-views';
import type { ResponseSaved, SessionStarted } from '@waypoint/shared/engagement/response-schemas';
import { portalConfig } from '../server/config.ts';
import type { AnswersPatch } from './answer-form.ts';
import { visitorHeaders } from './visitor-address.server.ts';

export interface PublicRefusal {
  ok: false;
  status: number;
  reason: PublicProblemReason | undefined;
  errors: { path: string; message: string }[];
  /** A 429's `Retry-After`, in whole seconds, when the API sent one. */
  retryAfterSeconds?: number;
}

export type PublicResult<T> = { ok: true; value: T } | PublicRefusal;

/** Statuses that are answers about the code, session or input; anything else is the service failing. */
const REFUSALS = [400, 401, 404, 410, 429];
const TIMEOUT_MS = 10_000;

function isReason(value: unknown): value is PublicProblemReason {
  return typeof value === 'string' && value in PUBLIC_PROBLEM_REASONS;
}

function refusal(status: number, body: unknown, retryAfter: string | null = null): PublicRefusal {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as { reason?: unknown; errors?: unknown };
  const errors = Array.isArray(problem.errors) ? problem.errors.filter((e): e is { path: string; message: string } => typeof e?.path === 'string' && typeof e?.message === 'string') : [];
  const seconds = retryAfter === null ? NaN : Number(retryAfter);
  return { ok: false, status, reason: isReason(problem.reason) ? problem.reason : undefined, errors, ...(Number.isInteger(seconds) && seconds >= 0 ? { retryAfterSeconds: seconds } : {}) };
}

/**
 * Asked to slow down (the area's per-visitor or per-session limit): the page itself says so, in
 * the visitor's language and with how long to wait, rather than a page about the code.
 */
export function slowDown(refusal: Pick<PublicRefusal, 'retryAfterSeconds'>): never {
  if (refusal.retryAfterSeconds !== undefined) getRequestEvent().locals.retryAfterSeconds = refusal.retryAfterSeconds;
  error(429, { message: 'Please wait a moment, then try again', reason: 'too-many-requests', ...(refusal.retryAfterSeconds !== undefined ? { retryAfterSeconds: refusal.retryAfterSeconds } : {}) });
}

async function call<T>(path: string, options: { method?: 'GET' | 'POST' | 'PUT'; token?: string; body?: unknown; lang?: EngagementLanguage; clientAddress?: string } = {}): Promise<PublicResult<T>> {
  const url = new URL(path, portalConfig().apiUrl);
  if (options.lang) url.searchParams.set('lang', options.lang);
  // Every call carries the visitor's signed address: the API's per-visitor limits count by it.
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...(await visitorHeaders(options.clientAddress)) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    // The route and the error's name only: the session token and answers never reach the log.
    console.error(`Public API request failed: ${options.method ?? 'GET'} ${url.pathname}`, (cause as Error)?.name);
    error(503, 'The service is not available just now');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (response.ok) return { ok: true, value: body as T };
  // A paused authority refuses its whole area, so every page of it says the service is paused.
  if (response.status === 403 && refusal(response.status, body).reason === 'tenant-suspended') error(403, { message: 'This service is paused', reason: 'tenant-suspended' });
  if (REFUSALS.includes(response.status)) return refusal(response.status, body, response.headers.get('retry-after'));
  console.error(`Public API answered ${response.status} to ${options.method ?? 'GET'} ${url.pathname}`);
  error(502, 'The service could not complete the request');
}

const base = (slug: string) => `/v1/public/${encodeURIComponent(slug)}`;

export const publicApi = {
  authority: (slug: string, lang: EngagementLanguage) => call<PublicAuthorityPage>(base(slug), { lang }),
  /** `clientAddress`: the visitor's, for the API's limits (it keeps only a keyed hash); the request's own visitor when absent. */
  startSession: (slug: string, body: { code?: string; activityId?: string; lang: EngagementLanguage; website?: string }, clientAddress?: string) =>
    call<SessionStarted>(`${base(slug)}/sessions`, { method: 'POST', body, ...(clientAddress ? { clientAddress } : {}) }),
  response: (slug: string, token: string, lang: EngagementLanguage) => call<PublicResponseView>(`${base(slug)}/response`, { token, lang }),
  saveAnswers: (slug: string, token: string, body: { answers: AnswersPatch; website?: string }) => call<ResponseSaved>(`${base(slug)}/response/answers`, { method: 'PUT', token, body }),
  submit: (slug: string, token: string, body: { website?: string }) => call<ResponseSaved>(`${base(slug)}/response/submit`, { method: 'POST', token, body }),
};
