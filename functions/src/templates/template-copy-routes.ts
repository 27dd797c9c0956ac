/**
 * `POST /v1/templates`: QA officers and tenant admins start a template by copying one
 * (a built-in, say) under a new id; the editor then publishes new versions of the copy.
 * The copy starts at version 1, so audits on the original are untouched.
 */
import { Hono } from 'hono';
import { CreateTemplateBody } from '@waypoint/shared/templates/template-copy-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole } from '../platform/auth/caller.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { readJsonBody } from '../platform/http/validation.ts';
import { TemplateVersionResource } from './template-resources.ts';
import { TEMPLATE_PUBLISHERS } from './template-routes.ts';
import { getLatestTemplateVersion, getTemplateVersion, publishTemplateVersion } from './template-store.ts';

export const templateCopyRoutes = new Hono<AppEnv>();

templateCopyRoutes.post('/', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, TEMPLATE_PUBLISHERS);
  const body = await readJsonBody(c, CreateTemplateBody);
  const source = body.copyVersion === undefined ? await getLatestTemplateVersion(tenant, body.copyOf) : await getTemplateVersion(tenant, body.copyOf, body.copyVersion);
  if (!source) throw new ApiError('validation', 'Nothing to copy', { errors: [{ path: body.copyVersion === undefined ? 'copyOf' : 'copyVersion', message: 'No such template version to copy' }] });
  if (await getLatestTemplateVersion(tenant, body.templateId)) throw new ApiError('conflict', 'A template with that id already exists; choose another id or publish a new version of it');
  const at = clock.nowIso();
  // Exactly version 1, refused (409) if a copy made at the same moment took it first.
  const published = await publishTemplateVersion({
    tenant,
    definition: { templateId: body.templateId, kind: source.kind, name: body.name ?? `${source.name} (copy)`, description: body.description ?? source.description, sections: source.sections },
    publishedBy: staff.userId,
    at,
    version: 1,
    refuseTaken: true,
  });
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'template', entityId: body.templateId, versionBefore: null, versionAfter: 1, at, changes: ['copyOf', 'description', 'name', 'sections'] });
  c.header('Location', `/v1/templates/${body.templateId}/versions/1`);
  return c.json(published, 201);
});

export const templateCopyRouteDocs = describeRoutes([
  {
    method: 'post',
    path: '/v1/templates',
    tag: 'Templates',
    summary: 'Start a template by copying another',
    description:
      'Version 1 of the new template is a copy of `copyOf` (its newest version, or `copyVersion`), named `name` or “… (copy)”. Then publish new versions of it with `POST /v1/templates/{id}/versions`. An id already taken is a 409; a template or version that does not exist is a 400 on `copyOf` or `copyVersion`.',
    access: TEMPLATE_PUBLISHERS,
    body: CreateTemplateBody,
    otherErrors: [409],
    success: { status: 201, description: 'Version 1 of the new template', schema: TemplateVersionResource, location: true },
  },
]);
