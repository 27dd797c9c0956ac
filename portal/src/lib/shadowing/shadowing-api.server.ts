/** The work shadowing calls of the Waypoint API, on top of the one typed client. */
import type { CreateActionBody } from '@waypoint/shared/actions/action-schemas';
import type { BookShadowingBody, ConsentBody, ShadowingAnswerBody, ShadowingLearning, ShadowingList, ShadowingOverview, ShadowingView, WithdrawConsentBody } from '@waypoint/shared/shadowing/shadowing-schemas';

import type { Api } from '../server/api.ts';

/** Statuses a step's form handles itself: bad input, the other side's step, the wrong moment and stale versions. */
const STEP_STATUSES = [400, 403, 409, 412, 428] as const;

const path = (id: string, step = '') => `/v1/shadowing/${encodeURIComponent(id)}${step}`;

export function shadowingApi(api: Api) {
  const step = (id: string, to: string, method: 'POST' | 'PUT', version: string, body: unknown) => api.getVersioned<ShadowingView>(path(id, to), { method, body, ifMatch: version, handle: STEP_STATUSES });
  return {
    mine: () => api.getJson<ShadowingList>('/v1/shadowing'),
    all: () => api.getJson<ShadowingOverview>('/v1/shadowing/all'),
    learning: (months?: number) => api.getJson<ShadowingLearning>('/v1/shadowing/learning', { query: { months } }),
    one: (id: string) => api.getVersioned<ShadowingView>(path(id)),
    book: (body: BookShadowingBody, idempotencyKey?: string) => api.getJson<ShadowingView>('/v1/shadowing', { method: 'POST', body, idempotencyKey, handle: [400, 403, 422] }),
    answer: (id: string, version: string, body: ShadowingAnswerBody) => step(id, '/answer', 'POST', version, body),
    cancel: (id: string, version: string, body: { reason?: string }) => step(id, '/cancel', 'POST', version, body),
    recordConsent: (id: string, version: string, body: ConsentBody) => step(id, '/consent', 'PUT', version, body),
    withdrawConsent: (id: string, version: string, body: WithdrawConsentBody) => step(id, '/consent/withdrawal', 'POST', version, body),
    observe: (id: string, version: string, body: { answers: Record<string, Record<string, string | null>>; tags: string[] }) => step(id, '/observation', 'PUT', version, body),
    giveFeedback: (id: string, version: string, body: Record<string, string>) => step(id, '/feedback', 'PUT', version, body),
    raiseAction: (body: CreateActionBody, idempotencyKey?: string) => api.getJson<{ id: string }>('/v1/actions', { method: 'POST', body, idempotencyKey, handle: [400, 403, 404, 409, 422] }),
  };
}

export type ShadowingApi = ReturnType<typeof shadowingApi>;
