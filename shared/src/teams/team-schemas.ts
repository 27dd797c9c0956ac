/** Teams: the unit a manager leads and cases belong to. */
import * as v from 'valibot';
import { EntityId } from '../cases/case-schemas.ts';

export const TeamName = v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter a team name'), v.maxLength(80));
export const CreateTeamBody = v.strictObject({ id: v.optional(EntityId), name: TeamName, service: v.optional(v.pipe(v.string(), v.maxLength(80))) });
export const UpdateTeamBody = v.strictObject({ name: v.optional(TeamName), service: v.optional(v.pipe(v.string(), v.maxLength(80))) });
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
