/** `/v1/settings`: every member of staff reads the authority's settings; tenant admins change them. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { SettingsFields, UpdateSettingsBody } from '@waypoint/shared/settings/settings-schemas';
import { STAFF_ROLES } from '@waypoint/shared/tenancy/roles';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { versionedFields } from '../openapi/resource-fields.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole } from '../platform/auth/caller.ts';
import { changedFields } from '../platform/database/versioned-items.ts';
import { notFound } from '../platform/http/api-error.ts';
import { readJsonBody } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { getSettings, updateSettings } from './settings-store.ts';

/** Activity entries need an entity id; a tenant has exactly one settings item. */
const SETTINGS_ENTITY_ID = 'settings';

export const settingsRoutes = new Hono<AppEnv>();

settingsRoutes.get('/', async (c) => {
  const settings = await getSettings(c.var.tenant);
  if (!settings) throw notFound('settings');
  setEtag(c, settings.version);
  return c.json(settings);
});

settingsRoutes.patch('/', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, ['admin']);
  const expectedVersion = requireIfMatch(c);
  const body = await readJsonBody(c, UpdateSettingsBody);
  const at = clock.nowIso();
  const { before, after } = await updateSettings({ tenant, expectedVersion, changes: body, at });
  await recordActivity({ tenant, actor: staff, action: 'updated', entity: 'settings', entityId: SETTINGS_ENTITY_ID, versionBefore: before.version, versionAfter: after.version, at, changes: changedFields({ ...before }, { ...after }) });
  setEtag(c, after.version);
  return c.json(after);
});

const SettingsResource = v.pipe(v.object({ ...SettingsFields, version: versionedFields.version }), v.title('Settings'));

export const settingsRouteDocs = describeRoutes([
  { method: 'get', path: '/v1/settings', tag: 'Settings', summary: 'Read the authority’s settings', access: STAFF_ROLES, success: { status: 200, description: 'The settings and their version', schema: SettingsResource, etag: true } },
  {
    method: 'patch',
    path: '/v1/settings',
    tag: 'Settings',
    summary: 'Change the authority’s settings',
    description: 'Send only the settings to change.',
    access: ['admin'],
    body: UpdateSettingsBody,
    ifMatch: true,
    success: { status: 200, description: 'The settings as changed', schema: SettingsResource, etag: true },
  },
]);
