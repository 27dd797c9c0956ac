/** Work shadowing, and the actions raised from its learning view. */
import { safe, type Key } from './key-parts.ts';

/** Keys under one tenant's root (`TENANT#<uuid>`); `tenantKeys` gathers them. */
export function shadowingKeys(root: string) {
  return {
    /**
     * Work shadowing: each in its own partition, listed by the person shadowing (GSI1), the
     * practitioner shadowed (GSI2) and for the whole authority (GSI3), by the day of the work.
     */
    shadowing: (shadowingId: string): Key => ({ PK: `${root}#SHADOWING#${safe(shadowingId, 'shadowing id')}`, SK: 'SHADOWING' }),
    shadowingIndexEntries: (s: { id: string; shadowerId: string; practitionerId: string; date: string }) => {
      const order = `${safe(s.date, 'date')}#${safe(s.id, 'shadowing id')}`;
      return {
        GSI1PK: `${root}#SHADOWER#${safe(s.shadowerId, 'user id')}#SHADOWING`,
        GSI1SK: order,
        GSI2PK: `${root}#SHADOWED#${safe(s.practitionerId, 'user id')}#SHADOWING`,
        GSI2SK: order,
        GSI3PK: `${root}#SHADOWINGS`,
        GSI3SK: order,
      };
    },
    shadowingByShadower: (userId: string) => ({ GSI1PK: `${root}#SHADOWER#${safe(userId, 'user id')}#SHADOWING` }),
    shadowingByPractitioner: (userId: string) => ({ GSI2PK: `${root}#SHADOWED#${safe(userId, 'user id')}#SHADOWING` }),
    shadowingOfAuthority: () => ({ GSI3PK: `${root}#SHADOWINGS` }),
    /** Actions raised from the shadowing learning view, so it can list them: a pointer per action. */
    shadowingActionsPartition: (): string => `${root}#SHADOWING-ACTIONS`,
    shadowingAction: (actionId: string): Key => ({ PK: `${root}#SHADOWING-ACTIONS`, SK: `ACTION#${safe(actionId, 'action id')}` }),
  };
}
