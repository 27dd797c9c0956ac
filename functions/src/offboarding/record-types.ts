/**
 * What kind of record an item of an authority is, from its key alone: the export files it into
 * one CSV and one JSON file per kind, and the certificate of deletion counts by kind without
 * ever reading an item's content. A partition nobody listed here still goes somewhere
 * (`other-records`), so a capability added later is exported and counted, never missed.
 */

export interface RecordType {
  /** The file name in the export (`<name>.csv`, `<name>.json`) and the key in counts. */
  name: string;
  /** What it is, in the export's README and on the certificate. */
  description: string;
  /**
   * False for machinery with no meaning outside Waypoint (retry records, request-rate buckets,
   * lookups and counters rebuilt from the records): counted and deleted, never exported.
   */
  exported: boolean;
}

const type = (name: string, description: string, exported = true): RecordType => ({ name, description, exported });

export const RECORD_TYPES = {
  authority: type('authority', 'The authority’s profile and settings (grade names, retention years, feedback themes, sign-in connection without its secret)'),
  users: type('users', 'Staff records: name, email, role, teams, status'),
  teams: type('teams', 'Teams'),
  templates: type('templates', 'Audit tools and every version of each'),
  importMappings: type('import-mappings', 'Saved column mappings for imports'),
  cases: type('cases', 'Cases (pseudonymous references, team, case holder, optional demographics)'),
  journeys: type('journey-events', 'Each child’s journey: the events recorded on the case'),
  caseRenames: type('case-reference-changes', 'Case references changed by a file: old reference and new'),
  audits: type('audits', 'Audits with every answer'),
  auditParticipants: type('audit-participants', 'Who took part in each audit'),
  reflections: type('reflections', 'Reflections written on audits'),
  moderations: type('moderations', 'Moderation of audits'),
  gradeViews: type('grade-views', 'Case holders’ and students’ views on their audits’ grades'),
  auditJourneys: type('audit-journeys', 'The child’s journey as it stood when each audit completed'),
  actions: type('actions', 'Actions with their evidence and history'),
  programmes: type('programmes', 'Monthly audit programmes: each manager’s sample'),
  monthlyTotals: type('monthly-totals', 'Monthly totals behind the dashboards'),
  activityLog: type('activity-log', 'The activity log: who changed what, when'),
  engagementActivities: type('engagement-activities', 'Have your say activities and their counts'),
  invitationCodes: type('invitation-codes', 'Invitation codes of Have your say activities'),
  engagementResponses: type('engagement-responses', 'Feedback given through Have your say (anonymous: no name, no case)'),
  youSaidWeDid: type('you-said-we-did', '“You said, we did” entries'),
  alerts: type('safety-alerts', 'Safety alerts raised from feedback and audits'),
  shadowing: type('work-shadowing', 'Work shadowing records'),
  compliance: type('records-compliance', 'Records compliance programmes and checks'),
  reviews: type('thematic-reviews', 'Thematic reviews with their cohorts and actions'),
  imports: type('imports', 'Imports: their status, counts and the problems found'),
  files: type('files', 'Evidence files’ details: name, type, size, who attached them (the files themselves are not in the export)'),
  retentionLog: type('retention-log', 'What retention deleted (counts and dates only)'),
  emails: type('emails', 'Emails queued or sent by Waypoint'),
  dataExports: type('data-exports', 'Full exports of the authority’s data made before leaving'),
  other: type('other-records', 'Records of any other kind'),
  machinery: type('lookups-and-counters', 'Lookups, counters, retry records and rate limits, rebuilt from the records above', false),
} satisfies Record<string, RecordType>;

const T = RECORD_TYPES;

/** Partition families (the part of the key after `TENANT#<id>#`, up to the next `#`) and their records by sort key. */
const FAMILIES: Record<string, (sk: string) => RecordType> = {
  CASE: (sk) => (sk === 'JOURNEY' ? T.journeys : T.cases),
  'CASE-RENAMES': () => T.caseRenames,
  AUDIT: (sk) => {
    if (sk === 'AUDIT') return T.audits;
    if (sk.startsWith('REFLECTION#')) return T.reflections;
    if (sk.startsWith('PERSON#')) return T.auditParticipants;
    if (sk === 'MODERATION') return T.moderations;
    if (sk === 'GRADE-VIEWS') return T.gradeViews;
    if (sk === 'JOURNEY') return T.auditJourneys;
    // Copies of the audit's actions and their mark (the actions themselves are exported as actions).
    return T.machinery;
  },
  ACTION: (sk) => (sk === 'ACTION' ? T.actions : T.machinery),
  ACTIVITY: () => T.activityLog,
  TEMPLATE: () => T.templates,
  PROGRAMME: () => T.programmes,
  TOTALS: () => T.monthlyTotals,
  ENGAGEMENT: (sk) => {
    if (sk === 'ACTIVITY') return T.engagementActivities;
    if (sk.startsWith('CODE#')) return T.invitationCodes;
    if (sk.startsWith('RESPONSE#')) return T.engagementResponses;
    if (sk.startsWith('COUNTER#')) return T.engagementActivities;
    return T.machinery;
  },
  'YOU-SAID-WE-DID': () => T.youSaidWeDid,
  ALERT: () => T.alerts,
  SHADOWING: () => T.shadowing,
  COMPLIANCE: (sk) => (sk.startsWith('TOTALS#') ? T.machinery : T.compliance),
  REVIEW: () => T.reviews,
  IMPORT: () => T.imports,
  FILES: () => T.files,
  'RETENTION-LOG': () => T.retentionLog,
  OUTBOX: () => T.emails,
  'DATA-EXPORTS': () => T.dataExports,
  // Lookups and counters: rebuilt from the records, or meaningless outside Waypoint.
  'CASE-REF': () => T.machinery,
  INVITATION: () => T.machinery,
  'OPEN-ACTIONS': () => T.machinery,
  'SHADOWING-ACTIONS': () => T.machinery,
  IDEMPOTENCY: () => T.machinery,
  LIMITS: () => T.machinery,
  'WRONG-CODES': () => T.machinery,
};

/** Items in the authority's root partition (`TENANT#<id>`), by sort key. */
function rootRecord(sk: string): RecordType {
  if (sk.startsWith('USER#')) return T.users;
  if (sk.startsWith('TEAM#')) return T.teams;
  if (sk.startsWith('TEMPLATE#')) return T.templates;
  if (sk.startsWith('IMPORT-MAPPING#')) return T.importMappings;
  if (sk === 'SIZE') return T.machinery;
  return T.authority;
}

/** The kind of an item of the authority whose root key is `root` (`TENANT#<id>`). */
export function recordTypeOf(root: string, key: { PK: string; SK: string }): RecordType {
  if (key.PK === root) return rootRecord(key.SK);
  const family = key.PK.slice(root.length + 1).split('#')[0] ?? '';
  return Object.hasOwn(FAMILIES, family) ? FAMILIES[family]!(key.SK) : T.other;
}

/** Every kind, in the order the export and the certificate list them. */
export const RECORD_TYPE_ORDER: readonly RecordType[] = Object.values(RECORD_TYPES);
