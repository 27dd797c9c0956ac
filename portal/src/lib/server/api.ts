/** Typed server-side client for the Waypoint API, called with the signed-in user's access token. */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Case, CreateCaseBody, UpdateCaseBody } from '@waypoint/shared/cases/case-schemas';
import type { Settings, UpdateSettingsBody } from '@waypoint/shared/settings/settings-schemas';
import type { Team } from '@waypoint/shared/teams/team-schemas';
import type { Role } from '@waypoint/shared/tenancy/roles';
import type { User } from '@waypoint/shared/users/user-schemas';
import { portalConfig } from './config.ts';
import { ApiError, type Problem } from './errors.ts';
import { forgetRequestReads, oncePerRequest } from './request-reads.ts';
import { clearStaffSession } from './session/staff-session.ts';

export interface Me {
  user: { id: string; email: string; name: string };
  role: Role;
  teams: { id: string; name: string }[];
  tenant: { id: string; slug: string; name: string } | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type TenantSettings = Settings & { version: number };

export interface ActivityEntry {
  id: string;
  at: string;
  actor: { id: string; name: string | null; public: boolean };
  action: 'created' | 'updated' | 'deleted';
  entity: string;
  entityId: string;
  subject: string | null;
  versionBefore: number | null;
  versionAfter: number;
  changes: string[];
  /** Why it was done, where a change needs one (a subject access export). */
  reason?: string;
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

/** A resource with the version the API returned in its ETag, for a later If-Match. */
export interface Versioned<T> {
  value: T;
  version: string;
}

export interface RequestOptions {
  method?: 'GET' | 'PATCH' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, string | number | undefined | null>;
  body?: unknown;
  ifMatch?: string;
  /** Sent as Idempotency-Key, so a form posted twice creates one thing. */
  idempotencyKey?: string;
  /** Statuses the caller handles itself (thrown as ApiError); others become pages. */
  handle?: readonly number[];
  /** A successful answer is returned as the Response itself, unread, to pass a download on as it streams. */
  raw?: boolean;
  /** Longer than the default for a request that builds a file. */
  timeoutMs?: number;
}

const TIMEOUT_MS = 10_000;

function problemFrom(status: number, statusText: string, body: unknown): Problem {
  if (typeof body === 'object' && body !== null && typeof (body as Problem).title === 'string') {
    const p = body as Partial<Problem>;
    return {
      type: typeof p.type === 'string' ? p.type : 'about:blank',
      title: p.title ?? statusText,
      status,
      detail: typeof p.detail === 'string' ? p.detail : undefined,
      errors: Array.isArray(p.errors) ? p.errors.filter((e) => typeof e?.path === 'string' && typeof e?.message === 'string') : undefined,
      reason: typeof p.reason === 'string' ? p.reason : undefined,
    };
  }
  return { type: 'about:blank', title: statusText || 'Request failed', status };
}

/** Parses `"3"` or `W/"3"` into `3`. */
function versionFromEtag(etag: string | null): string | undefined {
  const match = etag?.match(/^(?:W\/)?"([^"]*)"$/);
  return match?.[1];
}

export function createApi(event: Pick<RequestEvent, 'locals' | 'cookies' | 'url'>) {
  const config = portalConfig();

  function toSignIn(): never {
    clearStaffSession(event.cookies);
    const returnTo = event.url.pathname + event.url.search;
    redirect(303, `/signin?returnTo=${encodeURIComponent(returnTo)}`);
  }

  /** The API ended the session (the account was switched off): sign out and say why. */
  function revoked(): never {
    clearStaffSession(event.cookies);
    redirect(303, '/signin?problem=revoked');
  }

  function servicePaused(): never {
    error(403, { message: 'Your authority’s Waypoint service is paused', reason: 'tenant-suspended' });
  }

  async function request(path: string, options: RequestOptions = {}): Promise<{ body: unknown; headers: Headers }> {
    const session = event.locals.session;
    if (!session) toSignIn();
    const url = new URL(path, config.apiUrl);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
    }
    if ((options.method ?? 'GET') !== 'GET') forgetRequestReads(event.locals);
    const headers: Record<string, string> = {
      authorization: `Bearer ${session.accessToken}`,
      accept: 'application/json, application/problem+json',
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
    if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;

    // The time limit is a timer stopped once the answer is read. `AbortSignal.timeout` runs its
    // timer to the end, and that timer kept the whole page request (its event, its reads and the
    // answers to them) alive for 10 s: in a heap snapshot under the bench's page load, 2,341
    // timers and 468 page requests, 25 MB of heap against 16 MB without them. An answer passed on
    // unread (a download) keeps its timer running, so the limit still covers its stream.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('The API did not answer in time', 'TimeoutError')), options.timeoutMs ?? TIMEOUT_MS);
    let response: Response;
    try {
      response = await fetch(url, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: controller.signal,
      });
    } catch (cause) {
      clearTimeout(timer);
      // The URL and error name are enough to diagnose; headers (the token) are never logged.
      console.error(`API request failed: ${options.method ?? 'GET'} ${url.pathname}`, (cause as Error)?.name);
      error(503, 'The Waypoint service is not available just now');
    }
    if (options.raw && response.ok) return { body: response, headers: response.headers };
    let text: string;
    try {
      text = await response.text();
    } finally {
      clearTimeout(timer);
    }
    let body: unknown = undefined;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    if (response.ok) return { body, headers: response.headers };

    const problem = problemFrom(response.status, response.statusText, body);
    // A paused authority is not a page to handle: every page shows that the service is paused.
    if (response.status === 403 && problem.type.endsWith('/tenant-suspended')) servicePaused();
    if (options.handle?.includes(response.status) && response.status !== 401) throw new ApiError(problem);
    if (response.status === 401 && problem.type.endsWith('/session-revoked')) revoked();
    if (response.status === 401) toSignIn();
    // Someone who signed in through their council with no mapped group sees nothing until an admin approves them.
    if (response.status === 403 && problem.reason === 'awaiting-approval') redirect(303, '/awaiting-approval');
    if (response.status === 403) error(403, 'You do not have access to this page');
    if (response.status === 404) error(404, 'Page not found');
    console.error(`API answered ${response.status} to ${options.method ?? 'GET'} ${url.pathname}`);
    error(502, 'The Waypoint service could not complete the request');
  }

  async function get<T>(path: string, options?: RequestOptions): Promise<T> {
    return (await request(path, options)).body as T;
  }

  async function versioned<T extends { version?: number }>(path: string, options?: RequestOptions): Promise<Versioned<T>> {
    const { body, headers } = await request(path, options);
    const value = body as T;
    const version = versionFromEtag(headers.get('etag')) ?? String(value.version ?? '');
    return { value, version };
  }

  return {
    /** For capability clients built on this one (audits), with the same token and error handling. */
    getJson: get,
    getVersioned: versioned,
    me: () => oncePerRequest(event.locals, 'me', () => get<Me>('/v1/me')),
    teams: () => get<{ items: Team[] }>('/v1/teams'),
    users: (query: { team?: string; q?: string; limit?: number; cursor?: string } = {}, handle?: readonly number[]) => get<Page<User>>('/v1/users', { query, handle }),
    user: (id: string, handle?: readonly number[]) => get<User>(`/v1/users/${encodeURIComponent(id)}`, { handle }),
    cases: (query: { team?: string; caseType?: string; status?: 'open' | 'closed'; limit?: number; cursor?: string }, handle?: readonly number[]) => get<Page<Case>>('/v1/cases', { query, handle }),
    createCase: (body: CreateCaseBody, idempotencyKey: string) => get<Case>('/v1/cases', { method: 'POST', body, idempotencyKey, handle: [400, 403, 409] }),
    caseByRef: (ref: string) => versioned<Case>(`/v1/cases/${encodeURIComponent(ref)}`),
    updateCase: (ref: string, version: string, body: UpdateCaseBody) => versioned<Case>(`/v1/cases/${encodeURIComponent(ref)}`, { method: 'PATCH', body, ifMatch: version, handle: [400, 409, 412, 428] }),
    settings: (handle?: readonly number[]) => oncePerRequest(event.locals, `settings ${handle?.join() ?? ''}`, () => versioned<TenantSettings>('/v1/settings', { handle })),
    updateSettings: (version: string, body: UpdateSettingsBody) => versioned<TenantSettings>('/v1/settings', { method: 'PATCH', body, ifMatch: version, handle: [400, 409, 412, 428] }),
    activity: (query: { limit?: number; cursor?: string }, handle?: readonly number[]) => get<Page<ActivityEntry>>('/v1/activity', { query, handle }),
    outbox: (query: { limit?: number }) => get<{ items: OutboxMessage[] }>('/v1/dev/outbox', { query }),
    /** POSTs `body` and hands back the API's answer unread (a ZIP, say) for the portal to stream on. */
    download: async (path: string, body: unknown, handle?: readonly number[]) => (await request(path, { method: 'POST', body, raw: true, handle, timeoutMs: 60_000 })).body as Response,
  };
}

export type Api = ReturnType<typeof createApi>;
