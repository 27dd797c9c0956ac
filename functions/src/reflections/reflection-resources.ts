/** Response schema for reflections in the OpenAPI document. */
import * as v from 'valibot';
import { AuditId } from '@waypoint/shared/audits/audit-schemas';
import { REFLECTION_AUTHOR_ROLES } from '@waypoint/shared/audits/reflection-schemas';

export const ReflectionResource = v.pipe(
  v.object({
    id: AuditId,
    auditId: AuditId,
    authorId: AuditId,
    authorRole: v.picklist(REFLECTION_AUTHOR_ROLES),
    text: v.string(),
    afterCompletion: v.pipe(v.boolean(), v.description('Written after the audit was completed')),
    createdAt: v.pipe(v.string(), v.isoTimestamp()),
  }),
  v.title('Reflection'),
);
