/** Safety alerts and the escalated ones the dashboard counts. */
import { safe, type Key } from './key-parts.ts';

/** Keys under one tenant's root (`TENANT#<uuid>`); `tenantKeys` gathers them. */
export function alertKeys(root: string) {
  return {
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
  };
}
