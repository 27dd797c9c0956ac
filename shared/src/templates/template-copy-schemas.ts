/** Copying a template to start a new one: the template editor's first step. */
import * as v from 'valibot';
import { TemplateId, TemplateVersionNumber } from './template-schemas.ts';
import { TemplateText } from './template-translations.ts';

/**
 * A new template, version 1 of which is a copy of another's version (its newest when
 * `copyVersion` is absent), under a new id and, optionally, a new name and description.
 */
export const CreateTemplateBody = v.strictObject({
  templateId: TemplateId,
  copyOf: TemplateId,
  copyVersion: v.optional(TemplateVersionNumber),
  name: v.optional(TemplateText(120)),
  description: v.optional(TemplateText(1000, 'many')),
});
export type CreateTemplateBody = v.InferOutput<typeof CreateTemplateBody>;
