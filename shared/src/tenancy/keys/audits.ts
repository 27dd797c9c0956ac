/** Audits: the audit, its reflections, participants, grade views, journey snapshot and moderation in one partition, and its index entries. */
import { monthPrefix, safe, type Key } from './key-parts.ts';

/** Keys under one tenant's root (`TENANT#<uuid>`); `tenantKeys` gathers them. */
export function auditKeys(root: string) {
  return {
    /**
     * Audits: one partition per audit holding the audit (`AUDIT`), its reflections and a
     * participant entry per person who took part, so the read view is one Query.
     */
    audit: (auditId: string): Key => ({ PK: `${root}#AUDIT#${safe(auditId, 'audit id')}`, SK: 'AUDIT' }),
    auditPartition: (auditId: string): string => `${root}#AUDIT#${safe(auditId, 'audit id')}`,
    reflection: (auditId: string, reflectionId: string): Key => ({
      PK: `${root}#AUDIT#${safe(auditId, 'audit id')}`,
      SK: `REFLECTION#${safe(reflectionId, 'reflection id')}`,
    }),
    /**
     * A copy of an action raised in the audit, beside it so that the read view stays one Query.
     * The action's own item (`ACTION`) is the record; the copy follows it after every write.
     */
    auditAction: (auditId: string, actionId: string): Key => ({
      PK: `${root}#AUDIT#${safe(auditId, 'audit id')}`,
      SK: `ACTION#${safe(actionId, 'action id')}`,
    }),
    /**
     * Present once every action raised in the audit has its copy beside it: from the audit's
     * creation, or for an older audit once the reconcile job has copied them.
     */
    auditActionsCopied: (auditId: string): Key => ({ PK: `${root}#AUDIT#${safe(auditId, 'audit id')}`, SK: 'ACTIONS-COPIED' }),
    /** The case holder's and student's views on the grades: one versioned document beside the audit. */
    gradeViews: (auditId: string): Key => ({ PK: `${root}#AUDIT#${safe(auditId, 'audit id')}`, SK: 'GRADE-VIEWS' }),
    /** Every audit's grade views of the tenant, by the audit's month (GSI1), for the reconcile job. */
    gradeViewsIndexEntries: (g: { auditId: string; month: string }) => ({ GSI1PK: `${root}#GRADE-VIEWS`, GSI1SK: `${safe(g.month, 'month')}#AUDIT#${safe(g.auditId, 'audit id')}` }),
    allGradeViews: () => ({ GSI1PK: `${root}#GRADE-VIEWS` }),
    auditParticipant: (auditId: string, userId: string): Key => ({
      PK: `${root}#AUDIT#${safe(auditId, 'audit id')}`,
      SK: `PERSON#${safe(userId, 'user id')}`,
    }),
    /** An audit's index entries: by programme month (GSI1), by team (GSI2), by case (GSI3); newest month last. */
    auditIndexEntries: (a: { id: string; month: string; teamId: string; caseRef: string }) => ({
      GSI1PK: `${root}#AUDITS#MONTH#${safe(a.month, 'month')}`,
      GSI1SK: `TEAM#${safe(a.teamId, 'team id')}#AUDIT#${safe(a.id, 'audit id')}`,
      GSI2PK: `${root}#AUDITS#TEAM#${safe(a.teamId, 'team id')}`,
      GSI2SK: `${safe(a.month, 'month')}#AUDIT#${safe(a.id, 'audit id')}`,
      GSI3PK: `${root}#CASE#${safe(a.caseRef, 'case reference')}#AUDITS`,
      GSI3SK: `${safe(a.month, 'month')}#AUDIT#${safe(a.id, 'audit id')}`,
    }),
    /** A participant entry's index key: the audits a person took part in (GSI1), by month. */
    auditParticipantIndexEntries: (p: { auditId: string; userId: string; month: string }) => ({
      GSI1PK: `${root}#PERSON#${safe(p.userId, 'user id')}#AUDITS`,
      GSI1SK: `${safe(p.month, 'month')}#AUDIT#${safe(p.auditId, 'audit id')}`,
    }),
    auditsByMonth: (month: string, teamId?: string) => ({
      GSI1PK: `${root}#AUDITS#MONTH#${safe(month, 'month')}`,
      GSI1SK: teamId === undefined ? 'TEAM#' : `TEAM#${safe(teamId, 'team id')}#`,
    }),
    auditsByTeam: (teamId: string, month?: string) => ({ GSI2PK: `${root}#AUDITS#TEAM#${safe(teamId, 'team id')}`, GSI2SK: monthPrefix(month) }),
    auditsByCase: (caseRef: string, month?: string) => ({ GSI3PK: `${root}#CASE#${safe(caseRef, 'case reference')}#AUDITS`, GSI3SK: monthPrefix(month) }),
    auditsByPerson: (userId: string, month?: string) => ({ GSI1PK: `${root}#PERSON#${safe(userId, 'user id')}#AUDITS`, GSI1SK: monthPrefix(month) }),
    /** The journey as it stood when an audit completed, in the audit's partition so the read view's one Query finds it. */
    auditJourney: (auditId: string): Key => ({ PK: `${root}#AUDIT#${safe(auditId, 'audit id')}`, SK: 'JOURNEY' }),
    /** An audit's moderation sits in the audit's partition too; indexed by the audit's month and team (GSI1) for agreement. */
    moderation: (auditId: string): Key => ({ PK: `${root}#AUDIT#${safe(auditId, 'audit id')}`, SK: 'MODERATION' }),
    moderationIndexEntries: (m: { auditId: string; month: string; teamId: string }) => ({
      GSI1PK: `${root}#MODERATIONS#MONTH#${safe(m.month, 'month')}`,
      GSI1SK: `TEAM#${safe(m.teamId, 'team id')}#AUDIT#${safe(m.auditId, 'audit id')}`,
    }),
    moderationsByMonth: (month: string, teamId?: string) => ({
      GSI1PK: `${root}#MODERATIONS#MONTH#${safe(month, 'month')}`,
      GSI1SK: teamId === undefined ? 'TEAM#' : `TEAM#${safe(teamId, 'team id')}#`,
    }),
  };
}
