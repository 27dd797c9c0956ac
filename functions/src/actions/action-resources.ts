/** Response schemas for actions in the OpenAPI document. */
import * as v from 'valibot';
import { ACTION_MOVES } from '@waypoint/shared/actions/action-lifecycle';
import { ACTION_DIFFERENCES, ACTION_PRIORITIES, ACTION_STATES, CreateActionBody } from '@waypoint/shared/actions/action-schemas';
import { IsoDate } from '@waypoint/shared/audits/audit-dates';
import { CASE_TYPES, CaseRef, EntityId } from '@waypoint/shared/cases/case-schemas';
import { nextCursor, versionedFields } from '../openapi/resource-fields.ts';

const { source, description, finding, ownerId, dueDate } = CreateActionBody.entries;
const timestamp = v.pipe(v.string(), v.isoTimestamp());
const people = v.pipe(v.record(v.string(), v.string()), v.description('Names of the staff named, by user id'));

const actionEntries = {
  id: EntityId,
  source,
  description,
  finding,
  ownerId,
  dueDate,
  priority: v.picklist(ACTION_PRIORITIES),
  state: v.picklist(ACTION_STATES),
  caseRef: v.optional(v.pipe(CaseRef, v.description('The case the finding was about; absent for an action from feedback, which is about the service'))),
  teamId: v.pipe(EntityId, v.description('The case’s team when the action was raised; for one from feedback, the activity’s or the one chosen')),
  caseType: v.optional(v.picklist(CASE_TYPES)),
  raisedById: EntityId,
  startedAt: v.optional(timestamp),
  startedById: v.optional(EntityId),
  evidence: v.optional(v.pipe(v.string(), v.description('What was done, recorded when it was completed'))),
  doneOn: v.optional(IsoDate),
  completedAt: v.optional(timestamp),
  completedById: v.optional(EntityId),
  verifiedAt: v.optional(timestamp),
  verifiedById: v.optional(EntityId),
  verificationNote: v.optional(v.string()),
  cancelledAt: v.optional(timestamp),
  cancelledById: v.optional(EntityId),
  cancelReason: v.optional(v.string()),
  reopenings: v.optional(v.array(v.object({ at: timestamp, byId: EntityId, reason: v.string(), evidence: v.optional(v.string()), doneOn: v.optional(IsoDate) }))),
  impact: v.optional(
    v.pipe(v.object({ reauditId: EntityId, difference: v.picklist(ACTION_DIFFERENCES), comment: v.optional(v.string()), byId: EntityId, at: timestamp }), v.description('The re-audit’s answer: did the action make a difference for the child?')),
  ),
  ...versionedFields,
};

export const ActionResource = v.pipe(v.object(actionEntries), v.title('Action'));

const overdue = v.pipe(v.boolean(), v.description('Past its due date and not done, judged on today’s London date'));

export const ActionViewResource = v.pipe(v.object({ ...actionEntries, overdue }), v.title('ActionInList'));

export const ActionDetailResource = v.pipe(
  v.object({
    ...actionEntries,
    overdue,
    moves: v.pipe(v.array(v.picklist(ACTION_MOVES)), v.description('The moves you can make now')),
    people,
    activityTitle: v.optional(v.pipe(v.string(), v.description('For an action from feedback: the title of the activity it came from'))),
  }),
  v.title('ActionDetail'),
);

export const ActionPageResource = v.pipe(v.object({ items: v.array(ActionViewResource), nextCursor, people, today: v.pipe(IsoDate, v.description('The London date `overdue` was judged on')) }), v.title('ActionPage'));
