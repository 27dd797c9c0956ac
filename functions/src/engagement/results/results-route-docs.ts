/** OpenAPI descriptions of engagement results, feedback themes and "You said, we did". */
import * as v from 'valibot';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { ActivityId } from '@waypoint/shared/engagement/activity-schemas';
import { ACTIVITY_EDITORS, ACTIVITY_READERS } from '@waypoint/shared/engagement/engagement-roles';
import { PutThemesBody, ResultsQuery, TagResponseBody } from '@waypoint/shared/engagement/results/result-schemas';
import { EntryId, PublishEntryBody } from '@waypoint/shared/engagement/you-said-we-did';
import { describeRoutes } from '../../openapi/route-docs.ts';
import { Slug } from '../../public/public-slug.ts';
import { ENTRY_PUBLISHERS, PublicEntriesQuery } from '../you-said-we-did/entry-routes.ts';

const Shown = v.pipe(v.object({ value: v.nullable(v.number()), suppressed: v.boolean() }), v.description('A count; `suppressed` (value null) when under 5, shown as “fewer than 5”'));
const ResultsResource = v.pipe(
  v.object({
    filters: v.record(v.string(), v.string()),
    activities: v.array(v.object({ id: EntityId, title: v.string(), opensOn: v.string() })),
    forms: v.array(
      v.object({
        templateId: v.string(),
        formName: v.string(),
        responses: Shown,
        withheld: v.pipe(v.boolean(), v.description('Fewer than 5 responses: no figure is given')),
        items: v.array(v.object({ sectionId: v.string(), questionId: v.string(), label: v.string(), counts: v.array(v.object({ value: v.string(), label: v.string(), count: Shown })), answered: Shown, positivePercent: v.nullable(v.number()) })),
        rounds: v.array(v.object({ activityId: EntityId, title: v.string(), opensOn: v.string(), responses: Shown, positive: v.record(v.string(), v.nullable(v.number())) })),
        themes: v.array(v.object({ theme: v.string(), count: Shown })),
      }),
    ),
  }),
  v.title('EngagementResults'),
);
const ThemesResource = v.pipe(v.object({ themes: v.array(v.string()), version: v.number() }), v.title('FeedbackThemes'));
const CommentsResource = v.object({ items: v.array(v.object({ responseId: EntityId, sectionId: v.string(), questionId: v.string(), question: v.string(), text: v.string(), themes: v.array(v.string()) })) });
const EntryResource = v.pipe(v.object({ ...PublishEntryBody.entries, id: EntryId, publishedBy: EntityId, publishedAt: v.string() }), v.title('YouSaidWeDidEntry'));
const PublicEntryResource = v.object({ items: v.array(v.object({ id: EntryId, heard: v.string(), did: v.string(), doneOn: v.string(), language: v.string() })) });

const SCOPE = 'Counts only sent responses of activities the caller can see. A group of fewer than 5 responses shows no figure; theme counts under 5 read “fewer than 5”.';
const CSV = { status: 200 as const, description: 'A CSV file (attachment); cells that start = + - @ are defused', contentType: 'text/csv' };

export const resultsRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/engagement/results',
    tag: 'Engagement',
    summary: 'Results across activities',
    description: `Filtered by period (the day sent), audience, team and case type; one block per form, with the trend between its rounds. ${SCOPE}`,
    access: ACTIVITY_READERS,
    query: ResultsQuery,
    success: { status: 200, description: 'The results', schema: ResultsResource },
  },
  { method: 'get', path: '/v1/engagement/results.csv', tag: 'Engagement', summary: 'Results across activities as CSV', description: SCOPE, access: ACTIVITY_READERS, query: ResultsQuery, success: CSV },
  {
    method: 'get',
    path: '/v1/engagement/activities/{id}/results',
    tag: 'Engagement',
    summary: 'One activity’s results',
    description: `With the trend over the rounds of the same form and audience. ${SCOPE}`,
    access: ACTIVITY_READERS,
    params: { id: ActivityId },
    query: ResultsQuery,
    success: { status: 200, description: 'The results', schema: ResultsResource },
  },
  { method: 'get', path: '/v1/engagement/activities/{id}/results.csv', tag: 'Engagement', summary: 'One activity’s results as CSV', description: SCOPE, access: ACTIVITY_READERS, params: { id: ActivityId }, query: ResultsQuery, success: CSV },
  {
    method: 'get',
    path: '/v1/engagement/activities/{id}/comments',
    tag: 'Engagement',
    summary: 'Free-text answers to tag',
    description: 'In response-id order with no dates or codes, so they stay anonymous.',
    access: ACTIVITY_EDITORS,
    params: { id: ActivityId },
    success: { status: 200, description: 'The comments', schema: CommentsResource },
  },
  {
    method: 'put',
    path: '/v1/engagement/activities/{id}/responses/{responseId}/themes',
    tag: 'Engagement',
    summary: 'Tag a response with themes',
    description: 'Replaces the response’s themes; each must be on the authority’s list.',
    access: ACTIVITY_EDITORS,
    params: { id: ActivityId, responseId: EntityId },
    body: TagResponseBody,
    success: { status: 200, description: 'The themes now on the response', schema: v.object({ responseId: EntityId, themes: v.array(v.string()) }) },
  },
  { method: 'get', path: '/v1/engagement/themes', tag: 'Engagement', summary: 'The authority’s feedback themes', access: ACTIVITY_READERS, success: { status: 200, description: 'The list', schema: ThemesResource, etag: true } },
  {
    method: 'put',
    path: '/v1/engagement/themes',
    tag: 'Engagement',
    summary: 'Replace the feedback themes',
    description: 'Send `If-Match: "0"` before any list was saved.',
    access: ['qa', 'senior'],
    body: PutThemesBody,
    ifMatch: true,
    success: { status: 200, description: 'The list as saved', schema: ThemesResource, etag: true },
  },
  {
    method: 'get',
    path: '/v1/engagement/you-said-we-did',
    tag: 'Engagement',
    summary: 'List “You said, we did” entries',
    description: 'Newest first, with every language given.',
    access: ACTIVITY_READERS,
    success: { status: 200, description: 'The entries', schema: v.object({ items: v.array(EntryResource) }) },
  },
  {
    method: 'post',
    path: '/v1/engagement/you-said-we-did',
    tag: 'Engagement',
    summary: 'Publish a “You said, we did” entry',
    description: 'Shown at once on the authority’s public page, in each language given (English otherwise).',
    access: ENTRY_PUBLISHERS,
    body: PublishEntryBody,
    success: { status: 201, description: 'The entry', schema: EntryResource, location: true },
  },
  {
    method: 'delete',
    path: '/v1/engagement/you-said-we-did/{id}',
    tag: 'Engagement',
    summary: 'Withdraw a “You said, we did” entry',
    access: ENTRY_PUBLISHERS,
    params: { id: EntryId },
    success: { status: 200, description: 'Withdrawn', schema: v.object({ id: EntryId, withdrawn: v.literal(true) }) },
  },
  {
    method: 'get',
    path: '/v1/public/{slug}/you-said-we-did',
    tag: 'Have your say',
    summary: 'Read the authority’s “You said, we did”',
    description: 'No code needed. Each entry in the language asked for, or English.',
    access: 'public',
    params: { slug: Slug },
    query: PublicEntriesQuery,
    success: { status: 200, description: 'The entries, newest first', schema: PublicEntryResource },
  },
]);
