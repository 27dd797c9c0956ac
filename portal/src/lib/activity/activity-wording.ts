/**
 * The activity log in words: what happened ("Completed", "Changed the due date of"), to what
 * (the name the API gives it: "the audit of case NV-00003, December 2026"), and by whom,
 * never record ids or field names such as `completedAt, completedById`.
 */
import type { ActivityEntry } from '../server/api.ts';

export type ActivityFacts = Pick<ActivityEntry, 'entity' | 'entityId' | 'action' | 'changes' | 'subject'> & Partial<Pick<ActivityEntry, 'reason'>>;

export interface ActivitySentence {
  /** Words before the thing changed: "Completed". */
  verb: string;
  /** The thing, by its name: "the audit of case NV-00003, December 2026". */
  subject: string;
  /** Words after it, if any, with their own punctuation: ": team and case holder". */
  detail?: string;
  /** Where the thing is, for those who may open it. */
  href?: string;
}

/** What to call a thing whose record no longer exists. */
const NOUNS: Record<string, string> = {
  audit: 'an audit',
  moderation: 'an audit',
  action: 'an action',
  case: 'a case',
  journey: 'a child’s journey',
  sample: 'a monthly sample',
  user: 'a member of staff',
  team: 'a team',
  settings: 'the authority’s settings',
  template: 'a template',
  reflection: 'a reflection on an audit',
  'invitation-code': 'an invitation code',
  'engagement-activity': 'a feedback activity',
  'you-said-we-did': 'a “You said, we did” entry',
  'safety-alert': 'a safety alert',
  'grade-views': 'the views on an audit’s grades',
  shadowing: 'a work shadowing',
  'compliance-check': 'a records compliance check',
  'compliance-programme': 'a month’s records compliance cases',
  review: 'a thematic review',
  'subject-access-export': 'the records about someone',
  'deleted-case': 'a case since deleted by retention',
};

/** Field names as people would say them; anything else is split from its camelCase. */
const FIELD_WORDS: Record<string, string> = {
  teamId: 'team',
  teamIds: 'teams',
  holderId: 'case holder',
  studentId: 'student social worker',
  caseType: 'case type',
  ageBand: 'age band',
  gender: 'demographics',
  ethnicity: 'demographics',
  disability: 'demographics',
  label: 'label',
  status: 'status',
  active: 'access',
  role: 'role',
  name: 'name',
  email: 'email address',
  dueDate: 'due date',
  ownerId: 'owner',
  priority: 'priority',
  description: 'description',
  conversationDate: 'conversation date',
  periodReviewed: 'period reviewed',
  partners: 'partners present',
  month: 'month',
  auditorId: 'auditor',
  opensOn: 'opening day',
  closesOn: 'closing day',
  title: 'title',
  translations: 'other languages',
};

/** "Changed case NV-00003: team and case holder" */
const changedFields = (changes: readonly string[], verb = 'Changed') => (changes.length ? { verb, detail: `: ${fieldList(changes)}` } : { verb });

function fieldWords(field: string): string {
  return FIELD_WORDS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** "team, case holder and status", each once. */
export function fieldList(changes: readonly string[]): string {
  const words = [...new Set(changes.map(fieldWords))];
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

const has = (changes: readonly string[], ...fields: string[]) => fields.some((f) => changes.includes(f));

function auditVerb(entry: ActivityFacts): { verb: string; detail?: string } {
  const c = entry.changes;
  if (entry.action === 'created') return { verb: 'Planned' };
  if (has(c, 'reopenings')) return { verb: 'Reopened' };
  if (has(c, 'completedAt', 'completedById')) return { verb: 'Completed' };
  if (has(c, 'cancelledAt', 'cancelReason')) return { verb: 'Cancelled' };
  if (c.length > 0 && c.every((f) => f === 'meetingDate' || f === 'meetingTime')) return { verb: 'Changed the meeting for' };
  if (has(c, 'answers', 'sectionGrades', 'overallGrade')) return { verb: 'Saved answers in' };
  return c.length ? changedFields(c) : { verb: 'Saved' };
}

function actionVerb(entry: ActivityFacts): { verb: string; detail?: string } {
  const c = entry.changes;
  if (entry.action === 'created') return { verb: 'Raised' };
  if (has(c, 'reopenings')) return { verb: 'Reopened' };
  if (has(c, 'verifiedAt')) return { verb: 'Verified' };
  if (has(c, 'cancelledAt', 'cancelReason')) return { verb: 'Cancelled' };
  if (has(c, 'doneOn', 'evidence')) return { verb: 'Recorded that', detail: ' was done' };
  if (has(c, 'startedAt')) return { verb: 'Started work on' };
  if (has(c, 'impact')) return { verb: 'Recorded the difference made by' };
  if (c.length === 1 && c[0] === 'dueDate') return { verb: 'Changed the due date of' };
  return c.length ? changedFields(c) : { verb: 'Saved' };
}

function verbFor(entry: ActivityFacts): { verb: string; detail?: string } {
  const { action, changes: c } = entry;
  const created = action === 'created';
  switch (entry.entity) {
    case 'audit':
      return auditVerb(entry);
    case 'action':
      return actionVerb(entry);
    case 'moderation':
      return { verb: created ? 'Moderated' : 'Changed the moderation of' };
    case 'case':
      return created ? { verb: 'Added' } : changedFields(c);
    case 'journey':
      return { verb: created ? 'Started recording' : 'Updated' };
    case 'compliance-check':
      return { verb: created ? 'Recorded' : 'Changed' };
    case 'compliance-programme':
      return { verb: 'Drew' };
    case 'sample':
      if (created) return { verb: 'Drew' };
      if (has(c, 'acceptedAt', 'state')) return { verb: 'Accepted' };
      if (has(c, 'swaps')) return { verb: 'Swapped a case in' };
      return { verb: 'Changed' };
    case 'user':
      if (created) return { verb: 'Added', detail: ' as a member of staff' };
      if (c.length === 1 && c[0] === 'active') return { verb: 'Changed whether', detail: ' can sign in' };
      return changedFields(c);
    case 'team':
      return created ? { verb: 'Added the team' } : changedFields(c, 'Changed the team');
    case 'settings':
      return changedFields(c);
    case 'template':
      return { verb: has(c, 'copyOf') ? 'Made a copy of a template, named' : 'Published a new version of' };
    case 'reflection':
      return { verb: 'Added' };
    case 'subject-access-export':
      return { verb: 'Exported', detail: entry.reason ? ` for a subject access request, because: ${entry.reason}` : ' for a subject access request' };
    case 'deleted-case':
      return { verb: action === 'deleted' ? 'Deleted' : 'Recorded a change to' };
    case 'invitation-code':
      return { verb: created ? 'Issued' : 'Withdrew' };
    case 'engagement-activity':
      return created ? { verb: 'Set up the feedback activity' } : changedFields(c, 'Changed the feedback activity');
    case 'you-said-we-did':
      return { verb: action === 'deleted' ? 'Withdrew' : 'Published' };
    case 'grade-views':
      return { verb: c.some((f) => f.endsWith('.reply')) ? 'Replied to a view in' : 'Gave a view in' };
    case 'safety-alert':
      if (created) return { verb: 'Raised' };
      if (has(c, 'reasons')) return { verb: 'Added more worries to' };
      if (has(c, 'sections')) return { verb: 'Added more flagged sections to' };
      if (has(c, 'acknowledgedAt')) return { verb: 'Acknowledged' };
      return { verb: has(c, 'status') ? 'Recorded what was done and changed the status of' : 'Recorded what was done about' };
    default:
      return { verb: created ? 'Created' : action === 'deleted' ? 'Removed' : 'Changed' };
  }
}

/** Where a thing is opened, for staff who see case data; admins see no case records. */
function hrefFor(entry: ActivityFacts, seesCases: boolean): string | undefined {
  const id = encodeURIComponent(entry.entityId);
  switch (entry.entity) {
    case 'case':
      return seesCases ? `/cases/${id}` : undefined;
    case 'journey':
      return seesCases ? `/cases/${id}/journey` : undefined;
    case 'audit':
    case 'moderation':
    case 'grade-views':
      return seesCases ? `/audits/${id}` : undefined;
    case 'action':
      return seesCases ? `/actions/${id}` : undefined;
    default:
      return undefined;
  }
}

export function activitySentence(entry: ActivityFacts, options: { seesCases: boolean }): ActivitySentence {
  const { verb, detail } = verbFor(entry);
  const subject = entry.subject ?? NOUNS[entry.entity] ?? 'a record';
  // A thing that no longer exists has nowhere to go.
  const href = entry.subject === null ? undefined : hrefFor(entry, options.seesCases);
  return { verb, subject, ...(detail ? { detail } : {}), ...(href ? { href } : {}) };
}

/** Who made the change, by name. */
export function actorName(actor: ActivityEntry['actor']): string {
  if (actor.public) return 'An answer in Have your say';
  return actor.name ?? 'Someone no longer on Waypoint';
}
