/** Response schemas for templates in the OpenAPI document. */
import * as v from 'valibot';
import { TEMPLATE_KINDS, TemplateId, templateContentEntries } from '@waypoint/shared/templates/template-schemas';

export const TemplateSummaryResource = v.pipe(
  v.object({
    templateId: TemplateId,
    kind: v.picklist(TEMPLATE_KINDS),
    name: v.string(),
    description: v.string(),
    latestVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
    builtIn: v.pipe(v.boolean(), v.description('Shipped with Waypoint (version 1 of it, at least)')),
    createdAt: v.pipe(v.string(), v.isoTimestamp()),
    updatedAt: v.pipe(v.string(), v.isoTimestamp()),
  }),
  v.title('TemplateSummary'),
);

export const TemplateVersionResource = v.pipe(
  v.object({
    ...templateContentEntries,
    templateId: TemplateId,
    kind: v.picklist(TEMPLATE_KINDS),
    version: v.pipe(v.number(), v.integer(), v.minValue(1)),
    publishedAt: v.pipe(v.string(), v.isoTimestamp()),
    publishedBy: v.pipe(v.string(), v.description('A user id, or `built-in`')),
  }),
  v.title('TemplateVersion'),
);
