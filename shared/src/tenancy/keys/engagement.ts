/** Engagement: activities with their invitation codes, responses and counters; wrong-code counters; the feedback themes; "you said, we did". */
import { safe, UnsafeKeyPartError, type Key } from './key-parts.ts';

/** Keys under one tenant's root (`TENANT#<uuid>`); `tenantKeys` gathers them. */
export function engagementKeys(root: string) {
  return {
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
    /** The authority's feedback themes: one item in its root partition, next to its settings. */
    engagementThemes: (): Key => ({ PK: root, SK: 'ENGAGEMENT-THEMES' }),
    /** "You said, we did" entries: one partition, sorted by the day the thing was done, then id. */
    youSaidWeDidPartition: (): string => `${root}#YOU-SAID-WE-DID`,
    youSaidWeDidEntry: (doneOn: string, entryId: string): Key => ({
      PK: `${root}#YOU-SAID-WE-DID`,
      SK: `DONE#${safe(doneOn, 'done date')}#ENTRY#${safe(entryId, 'entry id')}`,
    }),
  };
}
