/** Teams: the unit a manager leads and cases belong to. */
import * as v from 'valibot';
import { EntityId } from '../cases/case-schemas.ts';
import { Text } from '../text/text-schemas.ts';

/** A closed team keeps its history (audits, actions) but takes no new cases or members. */
export const TEAM_STATUSES = ['open', 'closed'] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];

export const TeamName = Text({ max: 80, required: 'Enter a team name', tooLong: 'Enter a team name of 80 characters or fewer' });
const Service = Text({ max: 80, tooLong: 'Enter a service of 80 characters or fewer' });

export const CreateTeamBody = v.strictObject({ id: v.optional(EntityId), name: TeamName, service: v.optional(Service), managerId: v.optional(EntityId) });
/** `managerId: null` leaves the team without a manager; `status: 'closed'` closes it. */
export const UpdateTeamBody = v.strictObject({
  name: v.optional(TeamName),
  service: v.optional(Service),
  managerId: v.optional(v.nullable(EntityId)),
  status: v.optional(v.picklist(TEAM_STATUSES)),
});
export type CreateTeamBody = v.InferOutput<typeof CreateTeamBody>;
export type UpdateTeamBody = v.InferOutput<typeof UpdateTeamBody>;

export interface Team {
  id: string;
  name: string;
  service?: string;
  /** The person who leads it: an active team manager or senior manager of the authority. */
  managerId?: string;
  /** Absent on teams written before teams could close: read as open. */
  status?: TeamStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function teamStatus(team: Pick<Team, 'status'>): TeamStatus {
  return team.status ?? 'open';
}
