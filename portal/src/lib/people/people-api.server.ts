/** The people and teams calls of the Waypoint API, for the tenant admin's screens. */
import type { CreateTeamBody, Team, UpdateTeamBody } from '@waypoint/shared/teams/team-schemas';
import type { StaffRole } from '@waypoint/shared/tenancy/roles';
import type { CreateUserBody, UpdateUserBody, User, UserStatus } from '@waypoint/shared/users/user-schemas';
import type { Api } from '../server/api.ts';

/** Statuses the forms handle themselves: bad input, a refusal with a reason, and someone else's change. */
const FORM_STATUSES = [400, 409, 412, 428] as const;

const userPath = (id: string) => `/v1/users/${encodeURIComponent(id)}`;
const teamPath = (id: string) => `/v1/teams/${encodeURIComponent(id)}`;

export interface UserQuery {
  q?: string;
  role?: StaffRole;
  team?: string;
  status?: UserStatus;
  limit?: number;
  cursor?: string;
}

export function peopleApi(api: Api) {
  return {
    users: (query: UserQuery, handle?: readonly number[]) => api.getJson<{ items: User[]; nextCursor: string | null }>('/v1/users', { query: { ...query }, handle }),
    user: (id: string) => api.getVersioned<User>(userPath(id)),
    addUser: (body: CreateUserBody, idempotencyKey: string) => api.getVersioned<User>('/v1/users', { method: 'POST', body, idempotencyKey, handle: FORM_STATUSES }),
    changeUser: (id: string, version: string, body: UpdateUserBody) => api.getVersioned<User>(userPath(id), { method: 'PATCH', body, ifMatch: version, handle: FORM_STATUSES }),
    resendInvitation: (id: string, version: string, idempotencyKey: string) => api.getVersioned<User>(`${userPath(id)}/invitation`, { method: 'POST', ifMatch: version, idempotencyKey, handle: FORM_STATUSES }),
    teams: () => api.getJson<{ items: Team[] }>('/v1/teams'),
    team: (id: string) => api.getVersioned<Team>(teamPath(id)),
    addTeam: (body: CreateTeamBody, idempotencyKey: string) => api.getVersioned<Team>('/v1/teams', { method: 'POST', body, idempotencyKey, handle: FORM_STATUSES }),
    changeTeam: (id: string, version: string, body: UpdateTeamBody) => api.getVersioned<Team>(teamPath(id), { method: 'PATCH', body, ifMatch: version, handle: FORM_STATUSES }),
  };
}

export type PeopleApi = ReturnType<typeof peopleApi>;

/** Every person, a hundred at a time: an authority has hundreds of staff at most. */
export async function allUsers(people: PeopleApi): Promise<User[]> {
  const users: User[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const { items, nextCursor } = await people.users({ limit: 100, cursor });
    users.push(...items);
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return users;
}

/** Who may be chosen to lead a team, as the API judges it: active team managers and senior managers. */
export function managerChoices(users: readonly User[]): { value: string; label: string }[] {
  return users
    .filter((u) => u.active && (u.role === 'manager' || u.role === 'senior'))
    .map((u) => ({ value: u.id, label: `${u.name} (${u.role === 'senior' ? 'senior manager' : 'team manager'})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
