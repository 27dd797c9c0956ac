/** The authority's own records in its root partition: its profile, settings, connected sign-in provider, size counters, teams and people. */
import { safe, type Key } from './key-parts.ts';

/** Keys under one tenant's root (`TENANT#<uuid>`); `tenantKeys` gathers them. */
export function authorityKeys(root: string) {
  return {
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
  };
}
