/** Actions: each in its own partition, its index entries, and the sparse list of open actions by due date. */
import { safe, type Key } from './key-parts.ts';

/** Keys under one tenant's root (`TENANT#<uuid>`); `tenantKeys` gathers them. */
export function actionKeys(root: string) {
  return {
    /**
     * Actions, each in its own partition. Index entries by owner (GSI1) and team (GSI2)
     * sort open actions by due date (`OPEN#<due>`), so "overdue" is a range query, and
     * closed ones by when they closed (`CLOSED#<date>`); by case (GSI3) grouped by source.
     */
    action: (actionId: string): Key => ({ PK: `${root}#ACTION#${safe(actionId, 'action id')}`, SK: 'ACTION' }),
    actionIndexEntries: (a: { id: string; ownerId: string; teamId: string; caseRef?: string; dueDate: string; closedOn?: string; source: { type: string; auditId?: string } }) => {
      const id = safe(a.id, 'action id');
      const order = a.closedOn === undefined ? `OPEN#${safe(a.dueDate, 'due date')}#${id}` : `CLOSED#${safe(a.closedOn, 'closed date')}#${id}`;
      // An action with no case (one raised from feedback) has no entry by case.
      const byCase = a.caseRef === undefined || a.source.auditId === undefined ? {} : { GSI3PK: `${root}#CASE#${safe(a.caseRef, 'case reference')}#ACTIONS`, GSI3SK: `${a.source.type.toUpperCase()}#${safe(a.source.auditId, 'source id')}#ACTION#${id}` };
      return {
        GSI1PK: `${root}#OWNER#${safe(a.ownerId, 'user id')}#ACTIONS`,
        GSI1SK: order,
        GSI2PK: `${root}#TEAM#${safe(a.teamId, 'team id')}#ACTIONS`,
        GSI2SK: order,
        ...byCase,
      };
    },
    actionsByOwner: (userId: string) => ({ GSI1PK: `${root}#OWNER#${safe(userId, 'user id')}#ACTIONS` }),
    actionsByTeam: (teamId: string) => ({ GSI2PK: `${root}#TEAM#${safe(teamId, 'team id')}#ACTIONS` }),
    actionsByCase: (caseRef: string) => ({ GSI3PK: `${root}#CASE#${safe(caseRef, 'case reference')}#ACTIONS` }),
    /** The actions raised from one audit sit together in the case's partition. */
    actionsByAudit: (caseRef: string, auditId: string) => ({
      GSI3PK: `${root}#CASE#${safe(caseRef, 'case reference')}#ACTIONS`,
      GSI3SK: `AUDIT#${safe(auditId, 'audit id')}#ACTION#`,
    }),
    /**
     * The sparse list of open actions by due date: an entry exists only while its action is
     * open or in progress, so "overdue today" across the authority is one range query.
     */
    openAction: (dueDate: string, actionId: string): Key => ({ PK: `${root}#OPEN-ACTIONS`, SK: `DUE#${safe(dueDate, 'due date')}#ACTION#${safe(actionId, 'action id')}` }),
    openActionsPartition: (): string => `${root}#OPEN-ACTIONS`,
    /** Sort keys below this are entries due before `date`. */
    openActionsDueBefore: (date: string): string => `DUE#${safe(date, 'date')}#`,
  };
}
