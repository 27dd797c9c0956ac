/** How the work shadowing routes appear in the OpenAPI document. */
import * as v from 'valibot';
import { CancelShadowingBody, ConsentBody, LearningQuery, ListShadowingQuery, PractitionerFeedbackBody, ShadowerFeedbackBody, ShadowingAnswerBody, ShadowingId, WithdrawConsentBody, BookShadowingBody } from '@waypoint/shared/shadowing/shadowing-schemas';
import { SHADOWERS, SHADOWING_LEARNERS } from '@waypoint/shared/shadowing/shadowing-roles';
import { STAFF_ROLES } from '@waypoint/shared/tenancy/roles';
import { describeRoutes, type RouteDoc } from '../openapi/route-docs.ts';
import { ShadowingLearningResource, ShadowingListResource, ShadowingOverviewResource, ShadowingResource } from './shadowing-resources.ts';

const TAG = 'Work shadowing';
const ONLY_THE_TWO = 'Only the person shadowing and the practitioner see a shadowing; to anyone else it is a 404.';
const STEP_ORDER = 'Checked in this order: may see it (404), If-Match sent (428), the body (400), the version quoted (412), whose step it is (403), whether it can be taken now (409).';

function step(method: 'post' | 'put', path: string, summary: string, description: string, body: RouteDoc['body']): RouteDoc {
  return {
    method,
    path: `/v1/shadowing/{id}/${path}`,
    tag: TAG,
    summary,
    description: `${description} ${ONLY_THE_TWO} ${STEP_ORDER}`,
    access: STAFF_ROLES,
    params: { id: ShadowingId },
    body,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The shadowing as the caller now reads it', schema: ShadowingResource, etag: true },
  };
}

export const shadowingRouteDocs = describeRoutes([
  {
    method: 'post',
    path: '/v1/shadowing',
    tag: TAG,
    summary: 'Ask to shadow a practitioner’s work',
    description:
      'Senior managers may ask any practitioner, team managers the practitioners in their own teams (400 on `practitionerId` otherwise, as for someone who does not exist). The day must be today or later. It starts `requested`, pins the newest observation template, and the practitioner is emailed. Send `Idempotency-Key` to make a retry safe.',
    access: SHADOWERS,
    body: BookShadowingBody,
    success: { status: 201, description: 'The shadowing, waiting for the practitioner', schema: ShadowingResource, etag: true, location: true },
  },
  {
    method: 'get',
    path: '/v1/shadowing',
    tag: TAG,
    summary: 'List my shadowing',
    description: 'What the caller takes part in, as the person shadowing or the practitioner (`as` narrows it), newest work first; the other side’s writing withheld until revealed.',
    access: STAFF_ROLES,
    query: v.object(ListShadowingQuery.entries),
    success: { status: 200, description: 'The caller’s shadowing', schema: ShadowingListResource },
  },
  {
    method: 'get',
    path: '/v1/shadowing/learning',
    tag: TAG,
    summary: 'What leaders learn across shadowing',
    description:
      'How many shadowing visits took place and were observed in the last `months` (12 when absent), how many observations carry each theme (every theme, in the list’s order), what practitioners said leaders should change (only writing already revealed to the person shadowing, without who or when), and the actions raised from them. It never names a practitioner or counts per person. A team manager sees the actions of their own teams and those they raised.',
    access: SHADOWING_LEARNERS,
    query: v.object(LearningQuery.entries),
    queryNotes: { months: '1 to 24; 12 when absent' },
    success: { status: 200, description: 'Themes and actions', schema: ShadowingLearningResource },
  },
  {
    method: 'get',
    path: '/v1/shadowing/all',
    tag: TAG,
    summary: 'List all shadowing, for leaders',
    description:
      'Shadowing whose work falls in the last 12 months or later, newest work first: who shadowed whom, what, when, and how far it has got (the answer, the family’s consent, whether the observation and each side’s feedback are written), never what anyone wrote. Senior managers and QA officers see the authority’s; a team manager their own teams’ and what they booked.',
    access: SHADOWING_LEARNERS,
    success: { status: 200, description: 'The shadowing', schema: ShadowingOverviewResource },
  },
  {
    method: 'get',
    path: '/v1/shadowing/{id}',
    tag: TAG,
    summary: 'Read a shadowing',
    description: `The observation and the shadower’s feedback are withheld from the practitioner, and the practitioner’s feedback from the shadower (only \`{ withheld: true, writtenAt }\` is given), until both have written feedback or \`feedbackOpensOn\` has come. ${ONLY_THE_TWO}`,
    access: STAFF_ROLES,
    params: { id: ShadowingId },
    success: { status: 200, description: 'The shadowing', schema: ShadowingResource, etag: true },
  },
  step('post', 'answer', 'Agree or decline to be shadowed', 'The practitioner only, while it is requested; a reason for declining is optional. The person shadowing is emailed.', ShadowingAnswerBody),
  step('post', 'cancel', 'Cancel a shadowing', 'The person shadowing only, before anything is recorded.', CancelShadowingBody),
  step('put', 'consent', 'Record the family’s consent', 'Either of the two, once agreed, for a visit or a meeting (a duty shift needs none): who gave it (not their name), how and on which day (not in the future).', ConsentBody),
  step('post', 'consent/withdrawal', 'Record that the family withdrew consent', 'Either of the two. The shadowing stops for good and any observation is removed; the day may not be in the future nor before consent was given.', WithdrawConsentBody),
  step(
    'put',
    'observation',
    'Record the observation',
    'The person shadowing, once the work has happened with consent where needed: the pinned observation template’s answers (every required one) and themes from the list. It can be changed until they give their feedback.',
    v.object({ answers: v.record(v.string(), v.record(v.string(), v.string())), tags: v.array(v.string()) }),
  ),
  step(
    'put',
    'feedback',
    'Give feedback',
    'Each side once, after the work (the person shadowing after recording the observation). The shadower writes `forPractitioner`; the practitioner `aboutShadower` and `forLeaders`. The other side is emailed that feedback is waiting for theirs.',
    v.union([ShadowerFeedbackBody, PractitionerFeedbackBody]),
  ),
]);
