/**
 * The one place that builds DynamoDB keys. Every tenant key, on the table and on every
 * index, starts with `TENANT#<uuid>`; platform keys start with `PLATFORM#` and are built
 * only by `platformKeys`. Ids containing the separator are rejected so that one tenant's
 * key can never be made to look like another's.
 */

export const SEPARATOR = '#';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Ids are ULIDs, slugs, case references or emails: printable, no separator, bounded. */
const SAFE_ID = /^[A-Za-z0-9._@+-]{1,128}$/;

export class UnsafeKeyPartError extends Error {
  constructor(part: string) {
    super(`"${part}" is not a valid identifier`);
    this.name = 'UnsafeKeyPartError';
  }
}

export function isTenantId(value: string): boolean {
  return UUID.test(value);
}

export function isSafeId(value: string): boolean {
  return SAFE_ID.test(value);
}

function safe(part: string, what: string): string {
  if (!SAFE_ID.test(part)) throw new UnsafeKeyPartError(what);
  return part;
}

function tenantRoot(tenantId: string): string {
  if (!UUID.test(tenantId)) throw new UnsafeKeyPartError('tenant id');
  return `TENANT#${tenantId}`;
}

function isoTime(at: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(at)) throw new UnsafeKeyPartError('time');
  return at;
}

/** Zero-padded so versions sort as numbers. */
function versionNumber(version: number): string {
  if (!Number.isInteger(version) || version < 1 || version > 999_999) throw new UnsafeKeyPartError('version');
  return String(version).padStart(6, '0');
}

/** A file's row number, zero-padded so rows sort in order. */
function rowNumber(row: number): string {
  if (!Number.isInteger(row) || row < 0 || row > 9_999_999) throw new UnsafeKeyPartError('row');
  return String(row).padStart(7, '0');
}

/** A `YYYY-MM#` sort-key prefix, or every month. */
function monthPrefix(month: string | undefined): string {
  return month === undefined ? '' : `${safe(month, 'month')}#`;
}

/** The level part of a totals sort key: `ALL#`, `TEAM#<team>#`, `TYPE#<type>#` or both. */
function totalsLevel(scope: { teamId?: string; caseType?: string }): string {
  const team = scope.teamId === undefined ? '' : `TEAM#${safe(scope.teamId, 'team id')}#`;
  const type = scope.caseType === undefined ? '' : `TYPE#${safe(scope.caseType, 'case type')}#`;
  return team || type ? `${team}${type}` : 'ALL#';
}

export interface Key {
  PK: string;
  SK: string;
}

/** Far more than the authorities one process serves; the bound keeps a long-lived process from growing. */
const MAX_KEPT_TENANTS = 1_000;
const builtKeys = new Map<string, TenantKeys>();

/**
 * Keys for one tenant. Build it from the verified tenant id, never from request input. Built
 * once per tenant and kept (every request needs one, and building its hundred functions each
 * time was a visible part of a read); frozen, so no caller can change another's. The tenant
 * id is validated before anything is kept.
 */
export function tenantKeys(tenantId: string): TenantKeys {
  let keys = builtKeys.get(tenantId);
  if (!keys) {
    keys = Object.freeze(buildTenantKeys(tenantId));
    if (builtKeys.size >= MAX_KEPT_TENANTS) builtKeys.delete(builtKeys.keys().next().value!);
    builtKeys.set(tenantId, keys);
  }
  return keys;
}

function buildTenantKeys(tenantId: string) {
  const root = tenantRoot(tenantId);
  return {
    /** The leading key every item and index entry of this tenant starts with. */
    root,
    profile: (): Key => ({ PK: root, SK: 'PROFILE' }),
    settings: (): Key => ({ PK: root, SK: 'SETTINGS' }),
    /** The council's own identity provider, when its admin has connected one. */
    identityProvider: (): Key => ({ PK: root, SK: 'IDENTITY-PROVIDER' }),
    /** How big the authority is (users, cases, sent responses): counters the operator's list reads. */
    size: (): Key => ({ PK: root, SK: 'SIZE' }),
    team: (teamId: string): Key => ({ PK: root, SK: `TEAM#${safe(teamId, 'team id')}` }),
    teamsPrefix: (): Key => ({ PK: root, SK: 'TEAM#' }),
    user: (userId: string): Key => ({ PK: root, SK: `USER#${safe(userId, 'user id')}` }),
    usersPrefix: (): Key => ({ PK: root, SK: 'USER#' }),
    case: (caseRef: string): Key => ({ PK: `${root}#CASE#${safe(caseRef, 'case reference')}`, SK: 'PROFILE' }),
    /** Finds a case however its reference is typed: the upper-case form points to the stored one. */
    caseRefLookup: (caseRef: string): Key => ({ PK: `${root}#CASE-REF#${safe(caseRef, 'case reference').toUpperCase()}`, SK: 'CASE-REF' }),
    /** Activity log: one partition per tenant, newest last; SK is deterministic per change. */
    activity: (at: string, entity: string, entityId: string, version: number): Key => ({
      PK: `${root}#ACTIVITY`,
      SK: `${at}#${safe(entity, 'entity')}#${safe(entityId, 'entity id')}#V${String(version).padStart(6, '0')}`,
    }),
    activityPartition: (): string => `${root}#ACTIVITY`,
    outboxMessage: (messageId: string): Key => ({ PK: `${root}#OUTBOX`, SK: `MESSAGE#${safe(messageId, 'message id')}` }),
    outboxPartition: (): string => `${root}#OUTBOX`,
    /** Idempotency records live in the tenant's own partition so isolation covers them too. */
    idempotencyPartition: (): string => `${root}#IDEMPOTENCY`,
    /** Index keys: cases by team (GSI1), by case holder (GSI2), by student (GSI3). */
    casesByTeam: (teamId?: string) => ({
      GSI1PK: `${root}#CASES`,
      GSI1SK: teamId === undefined ? 'TEAM#' : `TEAM#${safe(teamId, 'team id')}#`,
    }),
    caseIndexEntries: (c: { ref: string; teamId: string; holderId?: string; studentId?: string }) => ({
      GSI1PK: `${root}#CASES`,
      GSI1SK: `TEAM#${safe(c.teamId, 'team id')}#CASE#${safe(c.ref, 'case reference')}`,
      ...(c.holderId ? { GSI2PK: `${root}#HOLDER#${safe(c.holderId, 'user id')}`, GSI2SK: `CASE#${c.ref}` } : {}),
      ...(c.studentId ? { GSI3PK: `${root}#STUDENT#${safe(c.studentId, 'user id')}`, GSI3SK: `CASE#${c.ref}` } : {}),
    }),
    casesByHolder: (userId: string) => ({ GSI2PK: `${root}#HOLDER#${safe(userId, 'user id')}` }),
    casesByStudent: (userId: string) => ({ GSI3PK: `${root}#STUDENT#${safe(userId, 'user id')}` }),

    /** Templates: a head per template in the root partition; its immutable versions in its own partition, newest last. */
    template: (templateId: string): Key => ({ PK: root, SK: `TEMPLATE#${safe(templateId, 'template id')}` }),
    templatesPrefix: (): Key => ({ PK: root, SK: 'TEMPLATE#' }),
    templateVersion: (templateId: string, version: number): Key => ({
      PK: `${root}#TEMPLATE#${safe(templateId, 'template id')}`,
      SK: `V#${versionNumber(version)}`,
    }),
    templateVersionsPartition: (templateId: string): string => `${root}#TEMPLATE#${safe(templateId, 'template id')}`,

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

    /**
     * Monthly totals for dashboards, in one partition: each month at four levels (the whole
     * authority, a team, a case type, a team and case type), so any filter reads one
     * contiguous range of one item a month.
     */
    totals: (row: { month: string; teamId?: string; caseType?: string }): Key => ({ PK: `${root}#TOTALS`, SK: `${totalsLevel(row)}MONTH#${safe(row.month, 'month')}` }),
    totalsPartition: (): string => `${root}#TOTALS`,
    /** The sort-key range of a level's months `from` to `to`, both included. */
    totalsRange: (scope: { teamId?: string; caseType?: string }, from: string, to: string) => ({
      PK: `${root}#TOTALS`,
      from: `${totalsLevel(scope)}MONTH#${safe(from, 'month')}`,
      to: `${totalsLevel(scope)}MONTH#${safe(to, 'month')}`,
    }),
    /**
     * What a source (an audit, its moderation, an action, a feedback response's theme tags) has
     * added to the totals, beside the source itself; a response's sits in its activity's partition.
     */
    totalsMarker: (source: { kind: 'audit' | 'moderation' | 'action' | 'feedback' | 'compliance' | 'grade-views'; id: string; activityId?: string }): Key => {
      if (source.kind === 'action') return { PK: `${root}#ACTION#${safe(source.id, 'action id')}`, SK: 'TOTALS' };
      if (source.kind === 'compliance') return { PK: `${root}#COMPLIANCE`, SK: `TOTALS#CHECK#${safe(source.id, 'check id')}` };
      if (source.kind === 'feedback') return { PK: `${root}#ENGAGEMENT#${safe(source.activityId ?? '', 'activity id')}`, SK: `TOTALS#RESPONSE#${safe(source.id, 'response id')}` };
      return { PK: `${root}#AUDIT#${safe(source.id, 'audit id')}`, SK: `TOTALS#${source.kind.toUpperCase()}` };
    },

    /** The child's journey: one versioned document in the case's partition, beside its profile. */
    journey: (caseRef: string): Key => ({ PK: `${root}#CASE#${safe(caseRef, 'case reference')}`, SK: 'JOURNEY' }),
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

    /** The monthly programme: one partition per month holding each manager's sample, so the month is one Query. */
    sample: (month: string, managerId: string): Key => ({ PK: `${root}#PROGRAMME#${safe(month, 'month')}`, SK: `SAMPLE#${safe(managerId, 'user id')}` }),
    samplesOfMonth: (month: string): Key => ({ PK: `${root}#PROGRAMME#${safe(month, 'month')}`, SK: 'SAMPLE#' }),

    /**
     * Engagement: each activity's partition holds the activity (`ACTIVITY`), its invitation
     * codes, its responses and its counters, so everything about one activity is one Query.
     * Activities are listed by opening date on GSI1.
     */
    engagementActivity: (activityId: string): Key => ({ PK: `${root}#ENGAGEMENT#${safe(activityId, 'activity id')}`, SK: 'ACTIVITY' }),
    engagementPartition: (activityId: string): string => `${root}#ENGAGEMENT#${safe(activityId, 'activity id')}`,
    engagementActivityIndexEntries: (a: { id: string; opensOn: string }) => ({
      GSI1PK: `${root}#ENGAGEMENTS`,
      GSI1SK: `${safe(a.opensOn, 'opening date')}#${safe(a.id, 'activity id')}`,
    }),
    engagementActivities: () => ({ GSI1PK: `${root}#ENGAGEMENTS` }),
    invitationCode: (activityId: string, codeId: string): Key => ({
      PK: `${root}#ENGAGEMENT#${safe(activityId, 'activity id')}`,
      SK: `CODE#${safe(codeId, 'code id')}`,
    }),
    invitationCodesPrefix: (activityId: string): Key => ({ PK: `${root}#ENGAGEMENT#${safe(activityId, 'activity id')}`, SK: 'CODE#' }),
    /** Code → activity and code id, inside this tenant only: another authority's code is simply absent here. */
    invitationLookup: (code: string): Key => ({ PK: `${root}#INVITATION#${safe(code, 'invitation code')}`, SK: 'INVITATION' }),
    feedbackResponse: (activityId: string, responseId: string): Key => ({
      PK: `${root}#ENGAGEMENT#${safe(activityId, 'activity id')}`,
      SK: `RESPONSE#${safe(responseId, 'response id')}`,
    }),
    feedbackResponsesPrefix: (activityId: string): Key => ({ PK: `${root}#ENGAGEMENT#${safe(activityId, 'activity id')}`, SK: 'RESPONSE#' }),
    /** Counters updated with ADD: `TOTALS`, or the public link's `LINK.<date>`. */
    engagementCounter: (activityId: string, name: string): Key => ({
      PK: `${root}#ENGAGEMENT#${safe(activityId, 'activity id')}`,
      SK: `COUNTER#${safe(name, 'counter')}`,
    }),
    /**
     * Wrong invitation codes counted in a fixed window (`code-guess-limits.ts`): the whole
     * authority's, or one client's (a keyed hash, never an address).
     */
    wrongCodePartition: (): string => `${root}#WRONG-CODES`,
    wrongCodeCounter: (window: number, clientHash?: string): Key => {
      if (!Number.isSafeInteger(window) || window < 0) throw new UnsafeKeyPartError('window');
      return { PK: `${root}#WRONG-CODES`, SK: `WINDOW#${window}#${clientHash === undefined ? 'AUTHORITY' : `CLIENT#${safe(clientHash, 'client')}`}` };
    },
    /**
     * Request-rate buckets (`request-limits.ts`), one partition per authority: its staff API,
     * one public client (a keyed hash, never an address) or one have-your-say session.
     */
    requestBucketPartition: (): string => `${root}#LIMITS`,
    requestBucket: (kind: 'staff' | 'client' | 'session', id?: string): Key => ({
      PK: `${root}#LIMITS`,
      SK: `${kind.toUpperCase()}${id === undefined ? '' : `#${safe(id, 'bucket id')}`}`,
    }),
    /** The authority's feedback themes: one item in its root partition, next to its settings. */
    engagementThemes: (): Key => ({ PK: root, SK: 'ENGAGEMENT-THEMES' }),
    /** "You said, we did" entries: one partition, sorted by the day the thing was done, then id. */
    youSaidWeDidPartition: (): string => `${root}#YOU-SAID-WE-DID`,
    youSaidWeDidEntry: (doneOn: string, entryId: string): Key => ({
      PK: `${root}#YOU-SAID-WE-DID`,
      SK: `DONE#${safe(doneOn, 'done date')}#ENTRY#${safe(entryId, 'entry id')}`,
    }),

    /**
     * Safety alerts, one per response that raised one, each in its own partition. GSI1 lists
     * the tenant's, GSI2 a team's; open ones sort before closed, newest last within each.
     */
    alert: (alertId: string): Key => ({ PK: `${root}#ALERT#${safe(alertId, 'alert id')}`, SK: 'ALERT' }),
    alertIndexEntries: (a: { id: string; raisedAt: string; open: boolean; teamId?: string }) => {
      const order = `${a.open ? 'OPEN' : 'CLOSED'}#${a.raisedAt}#${safe(a.id, 'alert id')}`;
      return {
        GSI1PK: `${root}#ALERTS`,
        GSI1SK: order,
        ...(a.teamId ? { GSI2PK: `${root}#TEAM#${safe(a.teamId, 'team id')}#ALERTS`, GSI2SK: order } : {}),
      };
    },
    alertsByStatus: (open: boolean) => ({ GSI1PK: `${root}#ALERTS`, GSI1SK: open ? 'OPEN#' : 'CLOSED#' }),
    alertsByTeam: (teamId: string, open: boolean) => ({ GSI2PK: `${root}#TEAM#${safe(teamId, 'team id')}#ALERTS`, GSI2SK: open ? 'OPEN#' : 'CLOSED#' }),
    /** Sparse: an audit's safeguarding alert escalated and still not acknowledged (GSI3), which the dashboard counts. */
    escalatedAlertIndexEntries: (a: { id: string; raisedAt: string }) => ({ GSI3PK: `${root}#ALERTS#ESCALATED`, GSI3SK: `${a.raisedAt}#${safe(a.id, 'alert id')}` }),
    escalatedAlerts: () => ({ GSI3PK: `${root}#ALERTS#ESCALATED` }),

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
    /**
     * Records compliance: the month's draw and every check in one partition of the authority's,
     * a month's checks together (`CHECK#<month>#<case>`), so a month is one Query and the
     * reconcile job reads every check in one.
     */
    compliancePartition: (): string => `${root}#COMPLIANCE`,
    complianceProgramme: (month: string): Key => ({ PK: `${root}#COMPLIANCE`, SK: `PROGRAMME#${safe(month, 'month')}` }),
    complianceCheck: (month: string, caseRef: string): Key => ({ PK: `${root}#COMPLIANCE`, SK: `CHECK#${safe(month, 'month')}#${safe(caseRef, 'case reference')}` }),
    complianceChecksOfMonth: (month?: string) => ({ PK: `${root}#COMPLIANCE`, SK: month === undefined ? 'CHECK#' : `CHECK#${safe(month, 'month')}#` }),
    /** Actions raised from the shadowing learning view, so it can list them: a pointer per action. */
    shadowingActionsPartition: (): string => `${root}#SHADOWING-ACTIONS`,
    shadowingAction: (actionId: string): Key => ({ PK: `${root}#SHADOWING-ACTIONS`, SK: `ACTION#${safe(actionId, 'action id')}` }),

    /**
     * Thematic reviews: each in its own partition with the cases its draw matched (to replay
     * it) and a pointer per action raised from a recommendation; listed for the authority on
     * GSI1 by when each was set up.
     */
    review: (reviewId: string): Key => ({ PK: `${root}#REVIEW#${safe(reviewId, 'review id')}`, SK: 'REVIEW' }),
    reviewPartition: (reviewId: string): string => `${root}#REVIEW#${safe(reviewId, 'review id')}`,
    reviewCandidates: (reviewId: string): Key => ({ PK: `${root}#REVIEW#${safe(reviewId, 'review id')}`, SK: 'COHORT-CANDIDATES' }),
    reviewAction: (reviewId: string, actionId: string): Key => ({ PK: `${root}#REVIEW#${safe(reviewId, 'review id')}`, SK: `ACTION#${safe(actionId, 'action id')}` }),
    reviewIndexEntries: (r: { id: string; createdAt: string }) => ({ GSI1PK: `${root}#REVIEWS`, GSI1SK: `${r.createdAt}#${safe(r.id, 'review id')}` }),
    reviewsOfAuthority: () => ({ GSI1PK: `${root}#REVIEWS` }),

    /**
     * Imports: each in its own partition with the problems each check found (`PROBLEM#<attempt>#<row>`)
     * and the rows it refused (`REFUSED#<row>`), in row order. Listed newest last on GSI1; an
     * entry on GSI2 exists only while the import has work for the import job to do.
     */
    importRecord: (importId: string): Key => ({ PK: `${root}#IMPORT#${safe(importId, 'import id')}`, SK: 'IMPORT' }),
    importPartition: (importId: string): string => `${root}#IMPORT#${safe(importId, 'import id')}`,
    /** A problem the check found; each check (a new mapping) has its own, so an old check's never show. */
    importProblem: (importId: string, attempt: number, row: number, index: number): Key => ({
      PK: `${root}#IMPORT#${safe(importId, 'import id')}`,
      SK: `PROBLEM#${versionNumber(attempt)}#${rowNumber(row)}#${String(index).padStart(3, '0')}`,
    }),
    importProblemsPrefix: (attempt: number): string => `PROBLEM#${versionNumber(attempt)}#`,
    importRefused: (importId: string, row: number): Key => ({ PK: `${root}#IMPORT#${safe(importId, 'import id')}`, SK: `REFUSED#${rowNumber(row)}` }),
    importIndexEntries: (i: { id: string; createdAt: string; active: boolean }) => ({
      GSI1PK: `${root}#IMPORTS`,
      GSI1SK: `${isoTime(i.createdAt)}#${safe(i.id, 'import id')}`,
      ...(i.active ? { GSI2PK: `${root}#IMPORTS#ACTIVE`, GSI2SK: `${isoTime(i.createdAt)}#${safe(i.id, 'import id')}` } : {}),
    }),
    importsOfAuthority: () => ({ GSI1PK: `${root}#IMPORTS` }),
    activeImports: () => ({ GSI2PK: `${root}#IMPORTS#ACTIVE` }),
    /** The column mapping last saved for one kind of file from one source system. */
    importMapping: (kind: string, source: string): Key => ({ PK: root, SK: `IMPORT-MAPPING#${safe(kind, 'import kind')}#${safe(source, 'import source')}` }),

    /**
     * Case references changed by a file: one entry per old reference (upper case), in one
     * partition, saying where it went and whether the move finished. The marker a stopped move
     * resumes from, and the record that keeps an old link working.
     */
    caseRenamesPartition: (): string => `${root}#CASE-RENAMES`,
    caseRename: (oldRef: string): Key => ({ PK: `${root}#CASE-RENAMES`, SK: `FROM#${safe(oldRef, 'case reference').toUpperCase()}` }),

    /** What retention deleted: one entry per case, by day, with counts and dates only (never a reference). */
    retentionLogPartition: (): string => `${root}#RETENTION-LOG`,
    retentionLogEntry: (deletedOn: string, entryId: string): Key => ({ PK: `${root}#RETENTION-LOG`, SK: `DELETED#${safe(deletedOn, 'date')}#${safe(entryId, 'entry id')}` }),

    /** Full exports of the authority's data (offboarding): one partition, oldest first. */
    dataExportsPartition: (): string => `${root}#DATA-EXPORTS`,
    dataExport: (exportId: string): Key => ({ PK: `${root}#DATA-EXPORTS`, SK: `EXPORT#${safe(exportId, 'export id')}` }),
  };
}

export type TenantKeys = Readonly<ReturnType<typeof buildTenantKeys>>;

/** Platform items: the tenant directory, the slug lookup and the operators' activity log. Only the platform code path uses these. */
export const platformKeys = {
  tenant: (tenantId: string): Key => ({ PK: 'PLATFORM#TENANTS', SK: tenantRoot(tenantId) }),
  tenantsPartition: (): string => 'PLATFORM#TENANTS',
  slug: (slug: string): Key => ({ PK: `PLATFORM#SLUG#${safe(slug, 'slug')}`, SK: 'TENANT' }),
  /** What operators did, one partition, newest last; the key is derived from the action, so a retry rewrites the same entry. */
  activity: (at: string, tenantId: string, action: string): Key => ({ PK: 'PLATFORM#ACTIVITY', SK: `${isoTime(at)}#${tenantRoot(tenantId)}#${safe(action, 'action')}` }),
  activityPartition: (): string => 'PLATFORM#ACTIVITY',
  /** An offboarded authority's deletion: its progress while the job works, then its certificate (counts and dates, no content). */
  deletion: (tenantId: string): Key => ({ PK: 'PLATFORM#DELETIONS', SK: tenantRoot(tenantId) }),
  /** The local identity provider's accounts (Cognito holds them in AWS). */
  account: (email: string): Key => ({ PK: `PLATFORM#ACCOUNT#${safe(email.toLowerCase(), 'email')}`, SK: 'ACCOUNT' }),
  /** Which tenant's provider an email domain signs in through; one tenant per domain. */
  emailDomain: (domain: string): Key => ({ PK: `PLATFORM#EMAIL-DOMAIN#${safe(domain.toLowerCase(), 'email domain')}`, SK: 'DOMAIN' }),
  /** Which tenant a connected identity provider vouches for, by the sign-in service's name for it. */
  federatedProvider: (providerName: string): Key => ({ PK: `PLATFORM#IDENTITY-PROVIDER#${safe(providerName, 'provider name')}`, SK: 'PROVIDER' }),
  /** The local identity provider's copy of a connected provider's details (Cognito keeps them in AWS). */
  localFederation: (providerName: string): Key => ({ PK: `PLATFORM#LOCAL-FEDERATION#${safe(providerName, 'provider name')}`, SK: 'FEDERATION' }),
};
