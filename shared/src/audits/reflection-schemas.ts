/** Reflections: the case holder's and student's own words on an audit, kept beside it. */
import * as v from 'valibot';
import { Text } from '../text/text-schemas.ts';

export const REFLECTION_AUTHOR_ROLES = ['case-holder', 'student'] as const;
export type ReflectionAuthorRole = (typeof REFLECTION_AUTHOR_ROLES)[number];

export const REFLECTION_MAX = 10_000;

export const CreateReflectionBody = v.strictObject({
  text: Text({ max: REFLECTION_MAX, required: 'Write your reflection', lines: 'many' }),
});
export type CreateReflectionBody = v.InferOutput<typeof CreateReflectionBody>;

export interface Reflection {
  id: string;
  auditId: string;
  authorId: string;
  authorRole: ReflectionAuthorRole;
  text: string;
  /** Whether the audit was already completed when this was written. */
  afterCompletion: boolean;
  createdAt: string;
}
