/** The child's journey calls of the Waypoint API, on top of the one typed client. */
import type { CaseJourney, CreateJourneyEventBody } from '@waypoint/shared/journey/journey-schemas';
import type { Api } from '../server/api.ts';

/** Statuses the journey form handles itself: bad or out-of-order events, refusals, a journey changed meanwhile. */
const FORM_STATUSES = [400, 403, 409, 412, 428] as const;

const journeyPath = (ref: string) => `/v1/cases/${encodeURIComponent(ref)}/journey`;

export function journeyApi(api: Api) {
  return {
    journey: (ref: string) => api.getVersioned<CaseJourney>(journeyPath(ref)),
    /** Without If-Match: an added event joins the journey as it is now, so two people adding at once both land. */
    addEvent: (ref: string, body: CreateJourneyEventBody, idempotencyKey?: string) => api.getVersioned<CaseJourney>(journeyPath(ref), { method: 'POST', body, idempotencyKey, handle: FORM_STATUSES }),
    removeEvent: (ref: string, eventId: string, version: string) => api.getVersioned<CaseJourney>(`${journeyPath(ref)}/events/${encodeURIComponent(eventId)}`, { method: 'DELETE', ifMatch: version, handle: FORM_STATUSES }),
  };
}
