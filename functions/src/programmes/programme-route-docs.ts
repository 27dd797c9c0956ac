/** How the monthly programme and sample routes appear in the OpenAPI document. */
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { Month, ProposeSampleBody, SwapSampleBody } from '@waypoint/shared/programme/programme-schemas';
import { describeRoutes } from '../openapi/route-docs.ts';
import { ProgrammeMonthResource, SampleDetailResource } from './programme-resources.ts';
import { SAMPLE_READERS, SAMPLERS } from './sample-routes.ts';

const WHO = 'A team manager handles their own sample; a QA officer any manager’s. Another manager’s sample is a 404 to a manager.';

export const programmeRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/programmes/{month}',
    tag: 'Programme',
    summary: 'The monthly audit programme',
    description:
      'For each manager (and anyone else who ran audits that month): the sample, and the audits planned, in progress, completed, cancelled and late, against the tenant’s audits per manager per month. Audits are due by the last day of their month in London; `late` lists those of this month and the 12 before that are still outstanding after it. QA officers and senior managers see every team; a manager sees their own row and their teams’ audits.',
    access: SAMPLE_READERS,
    params: { month: Month },
    success: { status: 200, description: 'The month', schema: ProgrammeMonthResource },
  },
  {
    method: 'post',
    path: '/v1/programmes/{month}/samples',
    tag: 'Programme',
    summary: 'Propose a manager’s sample for the month',
    description: `Draws the tenant’s audits per manager per month from the open cases of the manager’s teams, none audited in the last 12 months nor with an audit under way, spread over case holders and case types, from a fresh random seed recorded with the candidates so the draw can be replayed. For this month or next only (else 400 on \`month\`). Proposing again while the proposal stands returns it (200); once accepted, the month is fixed (409). QA officers name the manager in \`managerId\`. ${WHO}`,
    access: SAMPLERS,
    params: { month: Month },
    body: ProposeSampleBody,
    otherErrors: [409],
    success: { status: 201, description: 'The proposed sample (200 when it already stood)', schema: SampleDetailResource, etag: true, location: true },
  },
  {
    method: 'get',
    path: '/v1/programmes/{month}/samples/{managerId}',
    tag: 'Programme',
    summary: 'Read a sample, with the draw explained',
    description: `Every candidate with why it could or could not be picked, and whether the seed replays to the proposal. Senior managers may read any. ${WHO}`,
    access: SAMPLE_READERS,
    params: { month: Month, managerId: EntityId },
    success: { status: 200, description: 'The sample', schema: SampleDetailResource, etag: true },
  },
  {
    method: 'post',
    path: '/v1/programmes/{month}/samples/{managerId}/swap',
    tag: 'Programme',
    summary: 'Swap a sampled case for another eligible one, with a reason',
    description: `\`out\` must be in the sample (else 400 on \`out\`); \`in\` an open case of the manager’s teams, not audited in the last 12 months, without an audit under way and not already sampled (else 400 on \`in\`). An accepted sample is fixed (409). ${WHO}`,
    access: SAMPLERS,
    params: { month: Month, managerId: EntityId },
    body: SwapSampleBody,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The sample after the swap', schema: SampleDetailResource, etag: true },
  },
  {
    method: 'post',
    path: '/v1/programmes/{month}/samples/{managerId}/accept',
    tag: 'Programme',
    summary: 'Accept the sample: plan its audits',
    description: `Plans one audit per sampled case for the manager (the TAC summary for Early Help cases, the Journey of the Child for the rest), with ids derived from the month, manager and case, and emails each case holder. Accepting an accepted sample plans anything an interrupted accept missed and changes nothing else. ${WHO}`,
    access: SAMPLERS,
    params: { month: Month, managerId: EntityId },
    ifMatch: true,
    success: { status: 200, description: 'The accepted sample, with its audit ids', schema: SampleDetailResource, etag: true },
  },
]);
