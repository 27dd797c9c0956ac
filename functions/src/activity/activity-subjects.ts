/**
 * What each activity-log entry is about, by the name people know it by ("the audit of case
 * NV-00003, December 2026", "Priya Shah", "Child in Need"), never a record id. Read once per
 * page: the page's audits in one BatchGet, the people in another, the teams in one Query, and
 * the few actions, templates and feedback activities it names one read each.
 */
import { actionAbout } from '@waypoint/shared/actions/action-schemas';
import { formatMonth } from '@waypoint/shared/formatting/dates';
import type { ActivityEntry } from '../platform/activity/activity-log.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { getAction } from '../actions/action-store.ts';
import { getAudits } from '../audits/audit-store.ts';
import { getActivity } from '../engagement/activity-store.ts';
import { listTeams } from '../teams/team-store.ts';
import { getTemplateSummary } from '../templates/template-store.ts';
import { DELETED_CASE_ENTITY } from '../retention/activity-anonymising.ts';

/** Entities whose name needs no read, or that cannot be named without one we do not make. */
const FIXED: Record<string, (id: string) => string> = {
  case: (ref) => `case ${ref}`,
  journey: (ref) => `the journey of case ${ref}`,
  settings: () => 'the authority’s settings',
  reflection: () => 'a reflection on an audit',
  'invitation-code': () => 'an invitation code',
  'you-said-we-did': () => 'a “You said, we did” entry',
  'safety-alert': () => 'a safety alert',
  shadowing: () => 'a work shadowing',
  'compliance-check': (id) => {
    const match = /^(\d{4}-\d{2})\.(.+)$/.exec(id);
    return match ? `the records compliance check of case ${match[2]}, ${formatMonth(match[1]!)}` : 'a records compliance check';
  },
  'compliance-programme': (month) => `the records compliance cases for ${/^\d{4}-\d{2}$/.test(month) ? formatMonth(month) : 'a month'}`,
  review: () => 'a thematic review',
};

/** A sample's log id is `<month>.<manager id>`. */
const SAMPLE_ID = /^(\d{4}-\d{2})\.(.+)$/;

async function readEach<T>(ids: readonly string[], read: (id: string) => Promise<T | undefined>): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map(read));
  return new Map(unique.flatMap((id, i) => (found[i] === undefined ? [] : [[id, found[i]!] as const])));
}

/**
 * The subject of each entry by entry id, or null when the thing no longer exists. `names`
 * holds the people already looked up for the page (its actors) and is added to for samples'
 * and users' names by the caller.
 */
export async function activitySubjects(tenant: TenantContext, entries: readonly ActivityEntry[], names: ReadonlyMap<string, string>): Promise<Map<string, string | null>> {
  const idsOf = (...entities: string[]) => entries.filter((e) => entities.includes(e.entity)).map((e) => e.entityId);
  const [audits, actions, templates, activities, teams] = await Promise.all([
    idsOf('audit', 'moderation').length ? getAudits(tenant, idsOf('audit', 'moderation')) : Promise.resolve([]),
    readEach(idsOf('action'), (id) => getAction(tenant, id)),
    readEach(idsOf('template'), (id) => getTemplateSummary(tenant, id)),
    readEach(idsOf('engagement-activity'), (id) => getActivity(tenant, id)),
    idsOf('team').length ? listTeams(tenant) : Promise.resolve([]),
  ]);
  const auditById = new Map(audits.map((a) => [a.id, a]));
  const subjectOf = (entry: ActivityEntry): string | null => {
    const fixed = FIXED[entry.entity];
    if (fixed) return fixed(entry.entityId);
    switch (entry.entity) {
      case 'audit':
      case 'moderation': {
        const audit = auditById.get(entry.entityId);
        return audit ? `the audit of case ${audit.caseRef}, ${formatMonth(audit.month)}` : null;
      }
      case 'action': {
        const action = actions.get(entry.entityId);
        return action ? `the action for ${actionAbout(action)}` : null;
      }
      case 'template':
        return templates.get(entry.entityId)?.name ?? null;
      case 'engagement-activity': {
        const activity = activities.get(entry.entityId);
        return activity ? `“${activity.title}”` : null;
      }
      case 'team':
        return teams.find((t) => t.id === entry.entityId)?.name ?? null;
      case 'user':
        return names.get(entry.entityId) ?? null;
      case 'subject-access-export': {
        // `case.<ref>` or `staff.<user id>`: what the export was about.
        if (entry.entityId.startsWith('case.')) return `the records about case ${entry.entityId.slice(5)}`;
        const name = names.get(entry.entityId.slice(6));
        return name ? `the records about ${name}` : 'the records about a member of staff';
      }
      case DELETED_CASE_ENTITY:
        return entry.action === 'deleted' ? 'a closed case, as its retention period had passed' : 'a case since deleted by retention';
      case 'sample': {
        const match = SAMPLE_ID.exec(entry.entityId);
        if (!match) return null;
        const manager = names.get(match[2]!);
        return `${manager ? `${manager}’s` : 'a manager’s'} sample for ${formatMonth(match[1]!)}`;
      }
      default:
        return null;
    }
  };
  return new Map(entries.map((e) => [e.id, subjectOf(e)]));
}

/** People an entry names besides its actor: a user changed, a sample's manager. */
export function peopleNamedBy(entry: ActivityEntry): string[] {
  if (entry.entity === 'user') return [entry.entityId];
  if (entry.entity === 'subject-access-export' && entry.entityId.startsWith('staff.')) return [entry.entityId.slice(6)];
  const sample = entry.entity === 'sample' ? SAMPLE_ID.exec(entry.entityId) : null;
  return sample ? [sample[2]!] : [];
}
