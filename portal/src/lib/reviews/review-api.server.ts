/** The thematic review calls of the Waypoint API, on top of the one typed client. */
import type { Action, CreateActionBody } from '@waypoint/shared/actions/action-schemas';
import type { ReviewReport } from '@waypoint/shared/reviews/review-report';
import type { CohortBody, CreateReviewBody, ReviewList, ReviewView, UpdateReviewBody } from '@waypoint/shared/reviews/review-schemas';
import type { Api } from '../server/api.ts';

/** Statuses a form handles itself: bad input, refusals and stale versions. */
const FORM = [400, 403, 409, 412, 422, 428] as const;
const at = (id: string, rest = '') => `/v1/reviews/${encodeURIComponent(id)}${rest}`;

export function reviewApi(api: Api) {
  const step = (id: string, rest: string, version: string, body: unknown) => api.getVersioned<ReviewView>(at(id, rest), { method: 'POST', body, ifMatch: version, handle: FORM });
  return {
    list: () => api.getJson<ReviewList>('/v1/reviews'),
    read: (id: string) => api.getVersioned<ReviewView>(at(id)),
    report: (id: string, handle?: readonly number[]) => api.getJson<ReviewReport>(at(id, '/report'), { handle }),
    create: (body: Partial<CreateReviewBody>, idempotencyKey: string) => api.getVersioned<ReviewView>('/v1/reviews', { method: 'POST', body, idempotencyKey, handle: FORM }),
    update: (id: string, version: string, body: Partial<UpdateReviewBody>) => api.getVersioned<ReviewView>(at(id), { method: 'PATCH', body, ifMatch: version, handle: FORM }),
    cohort: (id: string, version: string, body: CohortBody | Record<string, unknown>) => step(id, '/cohort', version, body),
    start: (id: string, version: string) => step(id, '/start', version, {}),
    recommend: (id: string, version: string, text: string) => step(id, '/recommendations', version, { text }),
    signOff: (id: string, version: string, note: string | undefined) => step(id, '/sign-off', version, note ? { note } : {}),
    publish: (id: string, version: string) => step(id, '/publish', version, {}),
    raiseAction: (body: CreateActionBody, idempotencyKey: string) => api.getJson<Action>('/v1/actions', { method: 'POST', body, idempotencyKey, handle: FORM }),
  };
}
