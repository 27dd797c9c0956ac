/** OpenAPI descriptions of `/v1/public/{slug}`: the unauthenticated engagement routes. */
import { WRONG_CODES_PER_AUTHORITY, WRONG_CODES_PER_CLIENT } from '@waypoint/shared/engagement/code-guess-limits';
import { PublicFormQuery, StartSessionBody, SubmitResponseBody } from '@waypoint/shared/engagement/response-schemas';
import { describeRoutes } from '../openapi/route-docs.ts';
import { Slug } from './public-slug.ts';
import { PublicAuthorityPageResource, PublicResponseResource, ResponseSavedResource, SaveAnswersDocBody, SessionStartedResource } from './public-resources.ts';

const SESSION =
  'Needs the session token from `POST /v1/public/{slug}/sessions` as `Authorization: Bearer <token>`, made for this same address; otherwise a 401 with `reason: session-expired`. The token names the authority, activity, code and response, and nothing else is trusted.';
const PROBLEMS = 'Refusals carry a `reason` (see `shared/src/engagement/public-problems.ts`) so the portal can show a friendly page for each.';

export const publicRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/public/{slug}',
    tag: 'Have your say',
    summary: 'Read an authority’s public page',
    description:
      'Its name, colours and duty number, and the open activities anyone may answer without a code, each titled and described in the language asked for (English where the activity has no translation; `titleLanguage` says which). An unknown address is a 404 (`reason: unknown-area`).',
    access: 'public',
    params: { slug: Slug },
    query: PublicFormQuery,
    success: { status: 200, description: 'The authority’s page, in the language asked for', schema: PublicAuthorityPageResource },
  },
  {
    method: 'post',
    path: '/v1/public/{slug}/sessions',
    tag: 'Have your say',
    summary: 'Start answering, with a code or a public link',
    description: `Checks the code within this authority only (another authority’s code is a 404) and opens a short signed session for one response. A single-use code comes back to its half-finished response. Expired, revoked or used codes and closed activities are 410; too many sessions or responses with the code are 429. Codes that are not found are counted in ten-minute windows, per client (a keyed hash of the address; the portal passes on its visitor’s in \`waypoint-client-address\`) and per authority: over ${WRONG_CODES_PER_CLIENT} or ${WRONG_CODES_PER_AUTHORITY} respectively, every code is a 429 with \`reason: too-many-tries\` and \`Retry-After\` until the window ends. ${PROBLEMS}`,
    access: 'public',
    params: { slug: Slug },
    body: StartSessionBody,
    otherErrors: [410, 429],
    success: { status: 201, description: 'The session', schema: SessionStartedResource },
  },
  {
    method: 'get',
    path: '/v1/public/{slug}/response',
    tag: 'Have your say',
    summary: 'Read the form, the answers so far and the help to show',
    description: `The form in the language asked for (English where a translation is missing), how to show it, the authority’s name, colours and duty number. ${SESSION}`,
    access: 'public',
    params: { slug: Slug },
    query: PublicFormQuery,
    otherErrors: [401],
    success: { status: 200, description: 'The form and the response', schema: PublicResponseResource },
  },
  {
    method: 'put',
    path: '/v1/public/{slug}/response/answers',
    tag: 'Have your say',
    summary: 'Save the answers on a page',
    description: `Saved in the table at once, so a half-finished response survives a restart. A worrying answer flags the response, alerts the duty contact and answers \`showHelp: true\`. A sent response is 410; the activity closing is 410. ${SESSION}`,
    access: 'public',
    params: { slug: Slug },
    body: SaveAnswersDocBody,
    otherErrors: [401, 410],
    success: { status: 200, description: 'Saved', schema: ResponseSavedResource },
  },
  {
    method: 'post',
    path: '/v1/public/{slug}/response/submit',
    tag: 'Have your say',
    summary: 'Send the response',
    description: `Exactly once: sending again answers the same and stores nothing more. Past the code’s limit of responses, a 429. ${SESSION}`,
    access: 'public',
    params: { slug: Slug },
    body: SubmitResponseBody,
    otherErrors: [401, 410, 429],
    success: { status: 200, description: 'Sent', schema: ResponseSavedResource },
  },
]);
