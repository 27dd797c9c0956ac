/** Teams: the unit a manager leads and cases belong to. */
import * as v from 'valibot';
import { Text } from '../text/text-schemas.ts';
import { EntityId } from '../cases/case-schemas.ts';

export const TeamName = Text({ max: 80, required: 'Enter a team name' });
const Service = Text({ max: 80 });
export const CreateTeamBody = v.strictObject({ id: v.optional(EntityId), name: TeamName, service: v.optional(Service) });
export const UpdateTeamBody = v.strictObject({ name: v.optional(TeamName), service: v.optional(Service) });
export type CreateTeamBody = v.InferOutput<typeof CreateTeamBody>;
export type UpdateTeamBody = v.InferOutput<typeof UpdateTeamBody>;

export interface Team {
  id: string;
  name: string;
  service?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
