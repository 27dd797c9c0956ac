/** The platform activity log in words: who did what to which authority, naming fields but never their values. */
import type { PlatformAction } from '@waypoint/shared/tenancy/tenant-schemas';
import type { PlatformActivityEntry } from './operator-api.server.ts';

const VERBS: Record<PlatformAction, string> = {
  created: 'Added',
  suspended: 'Suspended',
  resumed: 'Resumed',
  'offboarding-started': 'Started offboarding',
  'export-requested': 'Asked for an export of all the data of',
  'deletion-started': 'Started deleting the data of',
  deleted: 'Finished deleting the data of',
};

const FIELD_NAMES: Record<string, string> = {
  name: 'name',
  slug: 'web address',
  region: 'region',
  adminName: 'first administrator’s name',
  adminEmail: 'first administrator’s email',
  status: 'status',
  leavesOn: 'leaving day',
};

function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export interface ActivitySentence {
  who: string;
  verb: string;
  authority: { id: string; name: string };
  /** Which fields were given or changed, in words, or null when there is nothing to add. */
  fields: string | null;
}

export function platformActivitySentence(entry: Pick<PlatformActivityEntry, 'actor' | 'action' | 'tenant' | 'changes'>, me: { id: string }): ActivitySentence {
  const fields = entry.changes.map((field) => FIELD_NAMES[field] ?? field);
  return {
    who: entry.actor.id === me.id ? 'You' : entry.actor.id === 'offboarding-job' ? 'Waypoint' : 'Another operator',
    verb: VERBS[entry.action],
    authority: { id: entry.tenant.id, name: entry.tenant.name ?? 'an authority no longer listed' },
    fields: fields.length > 0 ? `${entry.action === 'created' ? 'Given' : 'Changed'}: ${list(fields)}` : null,
  };
}
