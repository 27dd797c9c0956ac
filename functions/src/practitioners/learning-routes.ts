/**
 * `GET /v1/practitioners/{id}/learning`: a person's own learning record, for them and for
 * the managers of their teams; to anyone else it does not exist (404). There is no list of
 * people's records: nothing ranks named workers.
 */
import { Hono } from 'hono';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import type { AppEnv } from '../api/app-env.ts';
import { forbidden, notFound } from '../platform/http/api-error.ts';
import { readParam } from '../platform/http/validation.ts';
import { getUser } from '../users/user-store.ts';
import { learningOf } from './learning-view.ts';

export const learningRoutes = new Hono<AppEnv>();

learningRoutes.get('/:id/learning', async (c) => {
  const { tenant, staff } = c.var;
  if (staff.role === 'admin') throw forbidden('Tenant admins manage the authority’s set-up and see no practice records');
  const id = readParam(c, 'id', EntityId);
  const person = await getUser(tenant, id);
  const me = id === staff.userId ? person : undefined;
  let mayRead = me !== undefined;
  if (!mayRead && person && staff.role === 'manager') {
    const manager = await getUser(tenant, staff.userId);
    mayRead = person.teamIds.some((team) => manager?.teamIds.includes(team) ?? false);
  }
  if (!person || !mayRead) throw notFound('practitioner');
  return c.json(await learningOf(tenant, person));
});
