/** Staff users of a tenant. Only some can sign in; others are case holders on record. */
import * as v from 'valibot';
import { EntityId } from '../cases/case-schemas.ts';
import { Text } from '../text/text-schemas.ts';
import { STAFF_ROLES, type StaffRole } from '../tenancy/roles.ts';

/**
 * Where a person stands with Waypoint. `invited`: added, not yet signed in; `active`: has
 * signed in; `deactivated`: switched off by an admin (their sessions end at once);
 * `awaiting-approval`: signed in through their council's provider with no role mapped yet,
 * and sees nothing until an admin approves them.
 */
export const USER_STATUSES = ['active', 'invited', 'deactivated', 'awaiting-approval'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: 'Active',
  invited: 'Invited',
  deactivated: 'Deactivated',
  'awaiting-approval': 'Awaiting approval',
};

/** Invited and active people are staff who can be given work; the others are not. */
export function isCurrentStaff(status: UserStatus): boolean {
  return status === 'active' || status === 'invited';
}

export const UserFields = {
  name: Text({ max: 120, required: 'Enter a name', tooLong: 'Enter a name of 120 characters or fewer' }),
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('Enter an email address, like name@example.org'), v.maxLength(254)),
  role: v.picklist(STAFF_ROLES, 'Choose a role'),
  teamIds: v.pipe(v.array(EntityId), v.maxLength(20, 'Choose at most 20 teams')),
  active: v.boolean(),
  status: v.picklist(USER_STATUSES),
};

/** A new person's id is their sign-in account's subject, so it is never chosen by the caller. */
export const CreateUserBody = v.strictObject({
  name: UserFields.name,
  email: UserFields.email,
  role: UserFields.role,
  teamIds: v.optional(UserFields.teamIds, []),
});
/** `active: false` deactivates; `active: true` reactivates (or approves someone awaiting approval). */
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
  status: UserStatus;
  /** Derived from `status` on every write: true while invited or active (`isCurrentStaff`). */
  active: boolean;
  /** When they first used Waypoint; absent while invited. */
  signedInAt?: string;
  /** How many invitation emails have been sent (the first when added). */
  invitationsSent?: number;
  /** When the newest invitation was sent. */
  invitedAt?: string;
  /**
   * True while the role and teams came from the council's groups at sign-in; an admin's change
   * of role or teams clears it. Someone whose access came from groups and who is then in no
   * mapped group goes back to awaiting approval at their next sign-in.
   */
  accessFromGroups?: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * Records written before `status` existed carry only `active`; read them as active or
 * deactivated, so every reader sees a status.
 */
export function withStatus<T extends { active?: boolean; status?: UserStatus }>(user: T): T & { status: UserStatus; active: boolean } {
  const status = user.status ?? (user.active === false ? 'deactivated' : 'active');
  return { ...user, status, active: isCurrentStaff(status) };
}
