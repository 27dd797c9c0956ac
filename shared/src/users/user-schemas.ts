/** Staff users of a tenant. Only some can sign in; others are case holders on record. */
import * as v from 'valibot';
import { Text } from '../text/text-schemas.ts';
import { EntityId } from '../cases/case-schemas.ts';
import { STAFF_ROLES, type StaffRole } from '../tenancy/roles.ts';

export const UserFields = {
  name: Text({ max: 120, required: 'Enter a name' }),
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('Enter an email address'), v.maxLength(254)),
  role: v.picklist(STAFF_ROLES),
  teamIds: v.pipe(v.array(EntityId), v.maxLength(20)),
  active: v.boolean(),
};

/** A new person's id is their sign-in account's subject, so it is never chosen by the caller. */
export const CreateUserBody = v.strictObject({
  name: UserFields.name,
  email: UserFields.email,
  role: UserFields.role,
  teamIds: v.optional(UserFields.teamIds, []),
});
export const UpdateUserBody = v.strictObject({
  name: v.optional(UserFields.name),
  role: v.optional(UserFields.role),
  teamIds: v.optional(UserFields.teamIds),
  active: v.optional(UserFields.active),
});
export type CreateUserBody = v.InferOutput<typeof CreateUserBody>;
export type UpdateUserBody = v.InferOutput<typeof UpdateUserBody>;

export interface User {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  teamIds: string[];
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}
