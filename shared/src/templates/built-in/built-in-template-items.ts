/**
 * The items that give a new authority Waypoint's built-in templates (version 1 of each, and
 * each template's head), for onboarding outside the API. They match what the API's
 * `ensureBuiltInTemplates` writes; a test holds the two together.
 */
import { tenantKeys } from '../../tenancy/keys.ts';
import { BUILT_IN_TEMPLATES } from './built-in-templates.ts';

export const BUILT_IN_PUBLISHER = 'built-in';

export function builtInTemplateItems(tenantId: string, at: string): Record<string, unknown>[] {
  const keys = tenantKeys(tenantId);
  return BUILT_IN_TEMPLATES.flatMap((definition) => [
    { ...definition, version: 1, publishedAt: at, publishedBy: BUILT_IN_PUBLISHER, ...keys.templateVersion(definition.templateId, 1) },
    {
      templateId: definition.templateId,
      kind: definition.kind,
      name: definition.name,
      description: definition.description,
      latestVersion: 1,
      builtIn: true,
      createdAt: at,
      updatedAt: at,
      ...keys.template(definition.templateId),
    },
  ]);
}
