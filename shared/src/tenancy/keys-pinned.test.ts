/**
 * Pins what the key builders make, byte for byte, for every key of a tenant and of the platform:
 * the stored data and every index are read by these strings, so a change to any of them (in a
 * refactor, or in moving a key between files) would lose data. Each row is a call and what it
 * must return. A new key needs no row here; changing an existing key's output is a migration,
 * not an edit to this file.
 */
import { describe, expect, it } from 'vitest';
import { platformKeys, tenantKeys } from './keys.ts';

type Call = [name: string, ...args: unknown[]];
const TENANT = '7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801';
const AT = '2026-03-04T05:06:07.089Z';

const TENANT_KEYS: [Call, unknown][] = [
  [['profile'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801', SK: 'PROFILE' }],
  [['settings'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801', SK: 'SETTINGS' }],
  [['identityProvider'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801', SK: 'IDENTITY-PROVIDER' }],
  [['size'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801', SK: 'SIZE' }],
  [['team', 'north'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801', SK: 'TEAM#north' }],
  [['teamsPrefix'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801', SK: 'TEAM#' }],
  [['user', 'u-1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801', SK: 'USER#u-1' }],
  [['usersPrefix'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801', SK: 'USER#' }],
  [['case', 'NV-00012'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#CASE#NV-00012', SK: 'PROFILE' }],
  [['caseRefLookup', 'nv-00012'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#CASE-REF#NV-00012', SK: 'CASE-REF' }],
  [['activity', AT, 'case', 'NV-00012', 7], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ACTIVITY', SK: '2026-03-04T05:06:07.089Z#case#NV-00012#V000007' }],
  [['activityPartition'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ACTIVITY'],
  [['outboxMessage', '01JMSG'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#OUTBOX', SK: 'MESSAGE#01JMSG' }],
  [['outboxPartition'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#OUTBOX'],
  [['idempotencyPartition'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#IDEMPOTENCY'],
  [['casesByTeam'], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#CASES', GSI1SK: 'TEAM#' }],
  [['casesByTeam', 'north'], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#CASES', GSI1SK: 'TEAM#north#' }],
  [
    ['caseIndexEntries', { ref: 'NV-1', teamId: 'north', holderId: 'h-1', studentId: 's-1' }],
    {
      GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#CASES',
      GSI1SK: 'TEAM#north#CASE#NV-1',
      GSI2PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#HOLDER#h-1',
      GSI2SK: 'CASE#NV-1',
      GSI3PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#STUDENT#s-1',
      GSI3SK: 'CASE#NV-1',
    },
  ],
  [['caseIndexEntries', { ref: 'NV-2', teamId: 'south' }], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#CASES', GSI1SK: 'TEAM#south#CASE#NV-2' }],
  [['casesByHolder', 'h-1'], { GSI2PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#HOLDER#h-1' }],
  [['casesByStudent', 's-1'], { GSI3PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#STUDENT#s-1' }],
  [['template', 'journey'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801', SK: 'TEMPLATE#journey' }],
  [['templatesPrefix'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801', SK: 'TEMPLATE#' }],
  [['templateVersion', 'journey', 12], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#TEMPLATE#journey', SK: 'V#000012' }],
  [['templateVersionsPartition', 'journey'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#TEMPLATE#journey'],
  [['audit', 'A1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDIT#A1', SK: 'AUDIT' }],
  [['auditPartition', 'A1'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDIT#A1'],
  [['reflection', 'A1', 'F1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDIT#A1', SK: 'REFLECTION#F1' }],
  [['gradeViews', 'A1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDIT#A1', SK: 'GRADE-VIEWS' }],
  [['gradeViewsIndexEntries', { auditId: 'A1', month: '2026-03' }], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#GRADE-VIEWS', GSI1SK: '2026-03#AUDIT#A1' }],
  [['allGradeViews'], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#GRADE-VIEWS' }],
  [['auditParticipant', 'A1', 'u-1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDIT#A1', SK: 'PERSON#u-1' }],
  [
    ['auditIndexEntries', { id: 'A1', month: '2026-03', teamId: 'north', caseRef: 'NV-1' }],
    {
      GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDITS#MONTH#2026-03',
      GSI1SK: 'TEAM#north#AUDIT#A1',
      GSI2PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDITS#TEAM#north',
      GSI2SK: '2026-03#AUDIT#A1',
      GSI3PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#CASE#NV-1#AUDITS',
      GSI3SK: '2026-03#AUDIT#A1',
    },
  ],
  [['auditParticipantIndexEntries', { auditId: 'A1', userId: 'u-1', month: '2026-03' }], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#PERSON#u-1#AUDITS', GSI1SK: '2026-03#AUDIT#A1' }],
  [['auditsByMonth', '2026-03'], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDITS#MONTH#2026-03', GSI1SK: 'TEAM#' }],
  [['auditsByMonth', '2026-03', 'north'], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDITS#MONTH#2026-03', GSI1SK: 'TEAM#north#' }],
  [['auditsByTeam', 'north'], { GSI2PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDITS#TEAM#north', GSI2SK: '' }],
  [['auditsByTeam', 'north', '2026-03'], { GSI2PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDITS#TEAM#north', GSI2SK: '2026-03#' }],
  [['auditsByCase', 'NV-1', '2026-03'], { GSI3PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#CASE#NV-1#AUDITS', GSI3SK: '2026-03#' }],
  [['auditsByPerson', 'u-1'], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#PERSON#u-1#AUDITS', GSI1SK: '' }],
  [['auditAction', 'A1', 'X1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDIT#A1', SK: 'ACTION#X1' }],
  [['auditActionsCopied', 'A1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDIT#A1', SK: 'ACTIONS-COPIED' }],
  [['action', 'X1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ACTION#X1', SK: 'ACTION' }],
  [
    ['actionIndexEntries', { id: 'X1', ownerId: 'u-1', teamId: 'north', caseRef: 'NV-1', dueDate: '2026-04-01', source: { type: 'audit', auditId: 'A1' } }],
    {
      GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#OWNER#u-1#ACTIONS',
      GSI1SK: 'OPEN#2026-04-01#X1',
      GSI2PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#TEAM#north#ACTIONS',
      GSI2SK: 'OPEN#2026-04-01#X1',
      GSI3PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#CASE#NV-1#ACTIONS',
      GSI3SK: 'AUDIT#A1#ACTION#X1',
    },
  ],
  [
    ['actionIndexEntries', { id: 'X2', ownerId: 'u-1', teamId: 'north', dueDate: '2026-04-01', closedOn: '2026-03-20', source: { type: 'feedback' } }],
    { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#OWNER#u-1#ACTIONS', GSI1SK: 'CLOSED#2026-03-20#X2', GSI2PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#TEAM#north#ACTIONS', GSI2SK: 'CLOSED#2026-03-20#X2' },
  ],
  [['actionsByOwner', 'u-1'], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#OWNER#u-1#ACTIONS' }],
  [['actionsByTeam', 'north'], { GSI2PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#TEAM#north#ACTIONS' }],
  [['actionsByCase', 'NV-1'], { GSI3PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#CASE#NV-1#ACTIONS' }],
  [['actionsByAudit', 'NV-1', 'A1'], { GSI3PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#CASE#NV-1#ACTIONS', GSI3SK: 'AUDIT#A1#ACTION#' }],
  [['openAction', '2026-04-01', 'X1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#OPEN-ACTIONS', SK: 'DUE#2026-04-01#ACTION#X1' }],
  [['openActionsPartition'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#OPEN-ACTIONS'],
  [['openActionsDueBefore', '2026-04-02'], 'DUE#2026-04-02#'],
  [['totals', { month: '2026-03' }], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#TOTALS', SK: 'ALL#MONTH#2026-03' }],
  [['totals', { month: '2026-03', teamId: 'north' }], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#TOTALS', SK: 'TEAM#north#MONTH#2026-03' }],
  [['totals', { month: '2026-03', caseType: 'child-in-need' }], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#TOTALS', SK: 'TYPE#child-in-need#MONTH#2026-03' }],
  [['totals', { month: '2026-03', teamId: 'north', caseType: 'child-in-need' }], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#TOTALS', SK: 'TEAM#north#TYPE#child-in-need#MONTH#2026-03' }],
  [['totalsPartition'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#TOTALS'],
  [['totalsRange', { teamId: 'north' }, '2025-04', '2026-03'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#TOTALS', from: 'TEAM#north#MONTH#2025-04', to: 'TEAM#north#MONTH#2026-03' }],
  [['totalsMarker', { kind: 'audit', id: 'A1' }], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDIT#A1', SK: 'TOTALS#AUDIT' }],
  [['totalsMarker', { kind: 'moderation', id: 'A1' }], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDIT#A1', SK: 'TOTALS#MODERATION' }],
  [['totalsMarker', { kind: 'grade-views', id: 'A1' }], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDIT#A1', SK: 'TOTALS#GRADE-VIEWS' }],
  [['totalsMarker', { kind: 'action', id: 'X1' }], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ACTION#X1', SK: 'TOTALS' }],
  [['totalsMarker', { kind: 'compliance', id: '2026-03.NV-1' }], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#COMPLIANCE', SK: 'TOTALS#CHECK#2026-03.NV-1' }],
  [['totalsMarker', { kind: 'feedback', id: 'R1', activityId: 'G1' }], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ENGAGEMENT#G1', SK: 'TOTALS#RESPONSE#R1' }],
  [['journey', 'NV-1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#CASE#NV-1', SK: 'JOURNEY' }],
  [['auditJourney', 'A1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDIT#A1', SK: 'JOURNEY' }],
  [['moderation', 'A1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#AUDIT#A1', SK: 'MODERATION' }],
  [['moderationIndexEntries', { auditId: 'A1', month: '2026-03', teamId: 'north' }], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#MODERATIONS#MONTH#2026-03', GSI1SK: 'TEAM#north#AUDIT#A1' }],
  [['moderationsByMonth', '2026-03'], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#MODERATIONS#MONTH#2026-03', GSI1SK: 'TEAM#' }],
  [['moderationsByMonth', '2026-03', 'north'], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#MODERATIONS#MONTH#2026-03', GSI1SK: 'TEAM#north#' }],
  [['sample', '2026-03', 'm-1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#PROGRAMME#2026-03', SK: 'SAMPLE#m-1' }],
  [['samplesOfMonth', '2026-03'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#PROGRAMME#2026-03', SK: 'SAMPLE#' }],
  [['engagementActivity', 'G1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ENGAGEMENT#G1', SK: 'ACTIVITY' }],
  [['engagementPartition', 'G1'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ENGAGEMENT#G1'],
  [['engagementActivityIndexEntries', { id: 'G1', opensOn: '2026-03-01' }], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ENGAGEMENTS', GSI1SK: '2026-03-01#G1' }],
  [['engagementActivities'], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ENGAGEMENTS' }],
  [['invitationCode', 'G1', 'C1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ENGAGEMENT#G1', SK: 'CODE#C1' }],
  [['invitationCodesPrefix', 'G1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ENGAGEMENT#G1', SK: 'CODE#' }],
  [['invitationLookup', 'ABCD-2345'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#INVITATION#ABCD-2345', SK: 'INVITATION' }],
  [['feedbackResponse', 'G1', 'R1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ENGAGEMENT#G1', SK: 'RESPONSE#R1' }],
  [['feedbackResponsesPrefix', 'G1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ENGAGEMENT#G1', SK: 'RESPONSE#' }],
  [['engagementCounter', 'G1', 'LINK.2026-03-04'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ENGAGEMENT#G1', SK: 'COUNTER#LINK.2026-03-04' }],
  [['wrongCodePartition'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#WRONG-CODES'],
  [['wrongCodeCounter', 12345], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#WRONG-CODES', SK: 'WINDOW#12345#AUTHORITY' }],
  [['wrongCodeCounter', 12345, 'hash1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#WRONG-CODES', SK: 'WINDOW#12345#CLIENT#hash1' }],
  [['requestBucketPartition'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#LIMITS'],
  [['requestBucket', 'staff'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#LIMITS', SK: 'STAFF' }],
  [['requestBucket', 'client', 'hash1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#LIMITS', SK: 'CLIENT#hash1' }],
  [['requestBucket', 'session', 'S1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#LIMITS', SK: 'SESSION#S1' }],
  [['engagementThemes'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801', SK: 'ENGAGEMENT-THEMES' }],
  [['youSaidWeDidPartition'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#YOU-SAID-WE-DID'],
  [['youSaidWeDidEntry', '2026-03-04', 'Y1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#YOU-SAID-WE-DID', SK: 'DONE#2026-03-04#ENTRY#Y1' }],
  [['alert', 'L1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ALERT#L1', SK: 'ALERT' }],
  [
    ['alertIndexEntries', { id: 'L1', raisedAt: AT, open: true, teamId: 'north' }],
    { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ALERTS', GSI1SK: 'OPEN#2026-03-04T05:06:07.089Z#L1', GSI2PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#TEAM#north#ALERTS', GSI2SK: 'OPEN#2026-03-04T05:06:07.089Z#L1' },
  ],
  [['alertIndexEntries', { id: 'L2', raisedAt: AT, open: false }], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ALERTS', GSI1SK: 'CLOSED#2026-03-04T05:06:07.089Z#L2' }],
  [['alertsByStatus', true], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ALERTS', GSI1SK: 'OPEN#' }],
  [['alertsByStatus', false], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ALERTS', GSI1SK: 'CLOSED#' }],
  [['alertsByTeam', 'north', true], { GSI2PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#TEAM#north#ALERTS', GSI2SK: 'OPEN#' }],
  [['escalatedAlertIndexEntries', { id: 'L1', raisedAt: AT }], { GSI3PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ALERTS#ESCALATED', GSI3SK: '2026-03-04T05:06:07.089Z#L1' }],
  [['escalatedAlerts'], { GSI3PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#ALERTS#ESCALATED' }],
  [['shadowing', 'W1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#SHADOWING#W1', SK: 'SHADOWING' }],
  [
    ['shadowingIndexEntries', { id: 'W1', shadowerId: 'u-1', practitionerId: 'u-2', date: '2026-03-04' }],
    {
      GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#SHADOWER#u-1#SHADOWING',
      GSI1SK: '2026-03-04#W1',
      GSI2PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#SHADOWED#u-2#SHADOWING',
      GSI2SK: '2026-03-04#W1',
      GSI3PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#SHADOWINGS',
      GSI3SK: '2026-03-04#W1',
    },
  ],
  [['shadowingByShadower', 'u-1'], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#SHADOWER#u-1#SHADOWING' }],
  [['shadowingByPractitioner', 'u-2'], { GSI2PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#SHADOWED#u-2#SHADOWING' }],
  [['shadowingOfAuthority'], { GSI3PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#SHADOWINGS' }],
  [['compliancePartition'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#COMPLIANCE'],
  [['complianceProgramme', '2026-03'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#COMPLIANCE', SK: 'PROGRAMME#2026-03' }],
  [['complianceCheck', '2026-03', 'NV-1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#COMPLIANCE', SK: 'CHECK#2026-03#NV-1' }],
  [['complianceChecksOfMonth'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#COMPLIANCE', SK: 'CHECK#' }],
  [['complianceChecksOfMonth', '2026-03'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#COMPLIANCE', SK: 'CHECK#2026-03#' }],
  [['shadowingActionsPartition'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#SHADOWING-ACTIONS'],
  [['shadowingAction', 'X1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#SHADOWING-ACTIONS', SK: 'ACTION#X1' }],
  [['review', 'V1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#REVIEW#V1', SK: 'REVIEW' }],
  [['reviewPartition', 'V1'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#REVIEW#V1'],
  [['reviewCandidates', 'V1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#REVIEW#V1', SK: 'COHORT-CANDIDATES' }],
  [['reviewAction', 'V1', 'X1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#REVIEW#V1', SK: 'ACTION#X1' }],
  [['reviewIndexEntries', { id: 'V1', createdAt: AT }], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#REVIEWS', GSI1SK: '2026-03-04T05:06:07.089Z#V1' }],
  [['reviewsOfAuthority'], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#REVIEWS' }],
  [['importRecord', 'I1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#IMPORT#I1', SK: 'IMPORT' }],
  [['importPartition', 'I1'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#IMPORT#I1'],
  [['importProblem', 'I1', 2, 345, 6], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#IMPORT#I1', SK: 'PROBLEM#000002#0000345#006' }],
  [['importProblemsPrefix', 2], 'PROBLEM#000002#'],
  [['importRefused', 'I1', 345], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#IMPORT#I1', SK: 'REFUSED#0000345' }],
  [
    ['importIndexEntries', { id: 'I1', createdAt: AT, active: true }],
    { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#IMPORTS', GSI1SK: '2026-03-04T05:06:07.089Z#I1', GSI2PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#IMPORTS#ACTIVE', GSI2SK: '2026-03-04T05:06:07.089Z#I1' },
  ],
  [['importIndexEntries', { id: 'I2', createdAt: AT, active: false }], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#IMPORTS', GSI1SK: '2026-03-04T05:06:07.089Z#I2' }],
  [['importsOfAuthority'], { GSI1PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#IMPORTS' }],
  [['activeImports'], { GSI2PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#IMPORTS#ACTIVE' }],
  [['importMapping', 'cases', 'mosaic'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801', SK: 'IMPORT-MAPPING#cases#mosaic' }],
  [['caseRenamesPartition'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#CASE-RENAMES'],
  [['caseRename', 'nv-1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#CASE-RENAMES', SK: 'FROM#NV-1' }],
  [['retentionLogPartition'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#RETENTION-LOG'],
  [['retentionLogEntry', '2026-03-04', 'E1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#RETENTION-LOG', SK: 'DELETED#2026-03-04#E1' }],
  [['dataExportsPartition'], 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#DATA-EXPORTS'],
  [['dataExport', 'D1'], { PK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#DATA-EXPORTS', SK: 'EXPORT#D1' }],
];

const PLATFORM_KEYS: [Call, unknown][] = [
  [['tenant', TENANT], { PK: 'PLATFORM#TENANTS', SK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801' }],
  [['tenantsPartition'], 'PLATFORM#TENANTS'],
  [['slug', 'northvale'], { PK: 'PLATFORM#SLUG#northvale', SK: 'TENANT' }],
  [['activity', AT, TENANT, 'suspended'], { PK: 'PLATFORM#ACTIVITY', SK: '2026-03-04T05:06:07.089Z#TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801#suspended' }],
  [['activityPartition'], 'PLATFORM#ACTIVITY'],
  [['deletion', TENANT], { PK: 'PLATFORM#DELETIONS', SK: 'TENANT#7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801' }],
  [['account', 'Ada.Nwosu@Northvale.example'], { PK: 'PLATFORM#ACCOUNT#ada.nwosu@northvale.example', SK: 'ACCOUNT' }],
  [['emailDomain', 'Staff.Northvale.example'], { PK: 'PLATFORM#EMAIL-DOMAIN#staff.northvale.example', SK: 'DOMAIN' }],
  [['federatedProvider', 'northvale-entra'], { PK: 'PLATFORM#IDENTITY-PROVIDER#northvale-entra', SK: 'PROVIDER' }],
  [['localFederation', 'northvale-entra'], { PK: 'PLATFORM#LOCAL-FEDERATION#northvale-entra', SK: 'FEDERATION' }],
];

function made(builders: object, [name, ...args]: Call): unknown {
  const build = (builders as Record<string, unknown>)[name];
  if (typeof build !== 'function') throw new Error(`no key builder named ${name}`);
  return build(...args);
}

describe('key strings, pinned', () => {
  it('keeps the tenant root', () => {
    expect(tenantKeys(TENANT).root).toBe(`TENANT#${TENANT}`);
  });

  it.each(TENANT_KEYS)('tenantKeys: %j', (call, key) => {
    expect(made(tenantKeys(TENANT), call)).toStrictEqual(key);
  });

  it.each(PLATFORM_KEYS)('platformKeys: %j', (call, key) => {
    expect(made(platformKeys, call)).toStrictEqual(key);
  });
});
