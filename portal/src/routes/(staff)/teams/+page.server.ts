/** Teams: every team with who leads it, how many people are in it and whether it is open. */
import { teamStatus } from '@waypoint/shared/teams/team-schemas';
import { requireTenantAdmin } from '$lib/people/people-access.server';
import { allUsers, peopleApi } from '$lib/people/people-api.server';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  requireTenantAdmin(me);
  const people = peopleApi(createApi(event));
  const [teams, users] = await Promise.all([people.teams(), allUsers(people)]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    teams: teams.items.map((t) => ({
      id: t.id,
      name: t.name,
      service: t.service ?? '',
      manager: t.managerId ? (names.get(t.managerId) ?? 'Someone no longer listed') : null,
      members: users.filter((u) => u.active && u.teamIds.includes(t.id)).length,
      open: teamStatus(t) === 'open',
    })),
  };
};
