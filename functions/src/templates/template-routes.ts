/**
 * `/v1/templates`: every member of staff reads the authority's templates and any of their
 * versions; QA officers and tenant admins publish a new version, which audits already
 * started never see (they keep the version they pinned).
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { STAFF_ROLES } from '@waypoint/shared/tenancy/roles';
import { ListTemplatesQuery, PublishTemplateVersionBody, TemplateId } from '@waypoint/shared/templates/template-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { requireRole } from '../platform/auth/caller.ts';
import { ApiError, notFound } from '../platform/http/api-error.ts';
import { readJsonBody, readParam, readQuery } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { TemplateSummaryResource, TemplateVersionResource } from './template-resources.ts';
import { getLatestTemplateVersion, getTemplateSummary, getTemplateVersion, listTemplateSummaries, publishTemplateVersion } from './template-store.ts';

export const TEMPLATE_PUBLISHERS = ['qa', 'admin'] as const;

const VersionParam = v.pipe(v.string(), v.regex(/^[1-9]\d{0,5}$/, 'Use a version number such as 1'), v.transform(Number));

export const templateRoutes = new Hono<AppEnv>();

templateRoutes.get('/', async (c) => {
  const query = readQuery(c, ListTemplatesQuery);
  return c.json({ items: await listTemplateSummaries(c.var.tenant, query.kind) });
});

templateRoutes.get('/:id', async (c) => {
  const id = readParam(c, 'id', TemplateId);
  const latest = await getLatestTemplateVersion(c.var.tenant, id);
  if (!latest) throw notFound('template');
  // The newest number is what an editor bases a new version on, and quotes back in If-Match.
  setEtag(c, latest.version);
  return c.json(latest);
});

templateRoutes.get('/:id/versions/:n', async (c) => {
  const id = readParam(c, 'id', TemplateId);
  const number = readParam(c, 'n', VersionParam);
  const version = await getTemplateVersion(c.var.tenant, id, number);
  if (!version) throw notFound('template version');
  return c.json(version);
});

templateRoutes.post('/:id/versions', async (c) => {
  const { tenant, staff } = c.var;
  const id = readParam(c, 'id', TemplateId);
  const summary = await getTemplateSummary(tenant, id);
  if (!summary) throw notFound('template');
  requireRole(staff, TEMPLATE_PUBLISHERS);
  // The version the editor started from: publishing over a newer one would silently undo it.
  const basedOn = requireIfMatch(c);
  if (basedOn !== summary.latestVersion) {
    throw new ApiError('precondition-failed', `Version ${summary.latestVersion} was published after the one this draft started from; read it and apply your changes to it`);
  }
  const body = await readJsonBody(c, PublishTemplateVersionBody);
  const at = clock.nowIso();
  const published = await publishTemplateVersion({ tenant, definition: { ...body, templateId: id, kind: summary.kind }, publishedBy: staff.userId, at, version: basedOn + 1, refuseTaken: true });
  await recordActivity({ tenant, actor: staff, action: 'created', entity: 'template', entityId: id, versionBefore: published.version - 1 || null, versionAfter: published.version, at, changes: ['description', 'name', 'sections'] });
  c.header('Location', `/v1/templates/${id}/versions/${published.version}`);
  return c.json(published, 201);
});

export const templateRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/templates',
    tag: 'Templates',
    summary: 'List the authority’s templates',
    description: 'Each with its newest version number. Audit templates and engagement forms share this list; filter with `kind`.',
    access: STAFF_ROLES,
    query: ListTemplatesQuery,
    success: { status: 200, description: 'Every template, by name', schema: v.object({ items: v.array(TemplateSummaryResource) }) },
  },
  {
    method: 'get',
    path: '/v1/templates/{id}',
    tag: 'Templates',
    summary: 'Read the newest version of a template',
    description: 'New audits pin this version. The ETag is its number, which a new version quotes in If-Match.',
    access: STAFF_ROLES,
    params: { id: TemplateId },
    success: { status: 200, description: 'The newest version', schema: TemplateVersionResource, etag: true },
  },
  {
    method: 'get',
    path: '/v1/templates/{id}/versions/{n}',
    tag: 'Templates',
    summary: 'Read one version of a template',
    description: 'Versions never change once published; an audit shows the version it pinned (`templateVersion`).',
    access: STAFF_ROLES,
    params: { id: TemplateId, n: VersionParam },
    success: { status: 200, description: 'That version', schema: TemplateVersionResource },
  },
  {
    method: 'post',
    path: '/v1/templates/{id}/versions',
    tag: 'Templates',
    summary: 'Publish a new version of a template',
    description:
      'If-Match names the version the edit started from (428 without it); when a newer one was published since, 412, so nobody undoes another’s changes unseen. Audits already started keep the version they pinned. Two publishes at once: the second is a 409.',
    access: TEMPLATE_PUBLISHERS,
    params: { id: TemplateId },
    body: PublishTemplateVersionBody,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 201, description: 'The new version', schema: TemplateVersionResource, location: true },
  },
]);
