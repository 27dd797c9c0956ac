/** The dashboards' monthly totals and the markers of what each source added to them. */
import { safe, type Key } from './key-parts.ts';

/** The level part of a totals sort key: `ALL#`, `TEAM#<team>#`, `TYPE#<type>#` or both. */
function totalsLevel(scope: { teamId?: string; caseType?: string }): string {
  const team = scope.teamId === undefined ? '' : `TEAM#${safe(scope.teamId, 'team id')}#`;
  const type = scope.caseType === undefined ? '' : `TYPE#${safe(scope.caseType, 'case type')}#`;
  return team || type ? `${team}${type}` : 'ALL#';
}

/** Keys under one tenant's root (`TENANT#<uuid>`); `tenantKeys` gathers them. */
export function totalsKeys(root: string) {
  return {
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
  };
}
