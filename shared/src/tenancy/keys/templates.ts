/** Audit templates: a head per template and its immutable versions. */
import { safe, versionNumber, type Key } from './key-parts.ts';

/** Keys under one tenant's root (`TENANT#<uuid>`); `tenantKeys` gathers them. */
export function templateKeys(root: string) {
  return {
    /** Templates: a head per template in the root partition; its immutable versions in its own partition, newest last. */
    template: (templateId: string): Key => ({ PK: root, SK: `TEMPLATE#${safe(templateId, 'template id')}` }),
    templatesPrefix: (): Key => ({ PK: root, SK: 'TEMPLATE#' }),
    templateVersion: (templateId: string, version: number): Key => ({
      PK: `${root}#TEMPLATE#${safe(templateId, 'template id')}`,
      SK: `V#${versionNumber(version)}`,
    }),
    templateVersionsPartition: (templateId: string): string => `${root}#TEMPLATE#${safe(templateId, 'template id')}`,
  };
}
