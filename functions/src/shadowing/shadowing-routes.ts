/**
 * `/v1/shadowing`: senior and team managers book shadowing of a practitioner's work (a
 * manager, practitioners in their own teams); each person lists their own; only the two
 * people read a shadowing. The steps after booking are in `shadowing-step-routes.ts`.
 */
import { Hono } from 'hono';
import { ulid } from 'ulid';
import { BookShadowingBody, ListShadowingQuery, SHADOWING_OBSERVATION_TEMPLATE_ID, ShadowingId, type Shadowing } from '@waypoint/shared/shadowing/shadowing-schemas';
import { SHADOWED, SHADOWERS } from '@waypoint/shared/shadowing/shadowing-roles';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { today } from '../audits/audit-checks.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole, type TenantContext } from '../platform/auth/caller.ts';
import { ApiError, type FieldError } from '../platform/http/api-error.ts';
import { readJsonBody, readParam, readQuery } from '../platform/http/validation.ts';
import { setEtag } from '../platform/http/versioning.ts';
import { ensureBuiltInTemplates } from '../templates/built-in-templates.ts';
import { getLatestTemplateVersion } from '../templates/template-store.ts';
import { getUser } from '../users/user-store.ts';
import { findOwnShadowing, namesOf, sideOf, viewFor } from './shadowing-access.ts';
import { learningRoutes } from './shadowing-learning-routes.ts';
import { notifyShadowingRequested } from './shadowing-notifications.ts';
import { overviewRoutes } from './shadowing-overview-routes.ts';
import { shadowingStepRoutes } from './shadowing-step-routes.ts';
import { listShadowingOf, putNewShadowing } from './shadowing-store.ts';

export const shadowingRoutes = new Hono<AppEnv>();

/** The newest observation template; an authority set up before shadowing existed is given the built-in one first. */
async function observationTemplate(tenant: TenantContext) {
  const found = await getLatestTemplateVersion(tenant, SHADOWING_OBSERVATION_TEMPLATE_ID);
  if (found) return found;
  await ensureBuiltInTemplates(tenant, clock.nowIso());
  const seeded = await getLatestTemplateVersion(tenant, SHADOWING_OBSERVATION_TEMPLATE_ID);
  if (!seeded) throw new Error('The built-in observation template could not be read');
  return seeded;
}

shadowingRoutes.route('/', learningRoutes);
shadowingRoutes.route('/', overviewRoutes);

shadowingRoutes.post('/', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, SHADOWERS);
  const body = await readJsonBody(c, BookShadowingBody);
  const [me, practitioner] = await Promise.all([getUser(tenant, staff.userId), getUser(tenant, body.practitionerId)]);
  const errors: FieldError[] = [];
  // Another authority's person, someone who is not a practitioner and someone not in a manager's teams are all "not someone you can shadow".
  const shared = practitioner?.teamIds.filter((t) => staff.role === 'senior' || (me?.teamIds ?? []).includes(t)) ?? [];
  if (!practitioner || !practitioner.active || !SHADOWED.includes(practitioner.role)) errors.push({ path: 'practitionerId', message: 'No such practitioner' });
  else if (shared.length === 0) errors.push({ path: 'practitionerId', message: staff.role === 'manager' ? 'Choose a practitioner in one of your teams' : 'The practitioner is in no team' });
  if (body.date < today()) errors.push({ path: 'date', message: 'The day of the work cannot be in the past' });
  if (errors.length || !practitioner) throw new ApiError('validation', `The booking has ${errors.length} problem${errors.length === 1 ? '' : 's'}`, { errors });

  const template = await observationTemplate(tenant);
  const at = clock.nowIso();
  const shadowing: Shadowing = {
    id: ulid(clock.now().getTime()),
    shadowerId: staff.userId,
    teamId: shared[0]!,
    ...body,
    templateId: template.templateId,
    templateVersion: template.version,
    state: 'requested',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await putNewShadowing(tenant, shadowing);
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'shadowing', entityId: shadowing.id, versionBefore: null, versionAfter: 1, at, changes: Object.keys(body).sort() });
  await notifyShadowingRequested(tenant, shadowing, me?.name ?? 'A manager', at);
  const people = await namesOf(tenant, [shadowing]);
  setEtag(c, 1);
  c.header('Location', `/v1/shadowing/${shadowing.id}`);
  return c.json(viewFor(shadowing, 'shadower', today(), people), 201);
});

shadowingRoutes.get('/', async (c) => {
  const { tenant, staff } = c.var;
  const query = readQuery(c, ListShadowingQuery);
  const found = await listShadowingOf(tenant, staff.userId, query.as);
  const people = await namesOf(tenant, found);
  const on = today();
  return c.json({ items: found.map((s) => viewFor(s, sideOf(s, staff.userId)!, on, {})), people });
});

shadowingRoutes.get('/:id', async (c) => {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', ShadowingId);
  const { shadowing, side } = await findOwnShadowing(tenant, staff, id);
  setEtag(c, shadowing.version);
  return c.json(viewFor(shadowing, side, today(), await namesOf(tenant, [shadowing])));
});

shadowingRoutes.route('/', shadowingStepRoutes);
