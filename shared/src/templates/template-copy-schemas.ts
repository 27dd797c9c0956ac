/** Copying a template to start a new one: the template editor's first step. */
import * as v from 'valibot';
import { TemplateId, TemplateVersionNumber } from './template-schemas.ts';

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter some text'), v.maxLength(max, `Use at most ${max} characters`));

/**
 * A new template, version 1 of which is a copy of another's version (its newest when
 * `copyVersion` is absent), under a new id and, optionally, a new name and description.
 */
export const CreateTemplateBody = v.strictObject({
  templateId: TemplateId,
  copyOf: TemplateId,
  copyVersion: v.optional(TemplateVersionNumber),
  name: v.optional(Text(120)),
  description: v.optional(Text(1000)),
});
export type CreateTemplateBody = v.InferOutput<typeof CreateTemplateBody>;
