/**
 * The journey as an audit shows it. While the audit is open it is the case's journey now
 * (so a new audit starts from everything recorded before: the journey is copied forward
 * and grows with the child); when the audit completes, a copy is frozen beside it, and its
 * timescales are judged as of the completion day: the journey as it stood.
 */
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { AuditJourney } from '@waypoint/shared/journey/journey-schemas';
import { evaluateTimescales } from '@waypoint/shared/journey/timescales';
import type { TenantContext } from '../platform/auth/caller.ts';
import { today } from '../audits/audit-checks.ts';
import { getJourney, inJourneyOrder, putJourneySnapshot, type JourneySnapshot } from './journey-store.ts';

const completedOn = (audit: Pick<Audit, 'completedAt'>) => londonDate(new Date(audit.completedAt!));

/** Freezes the case's journey beside a completed audit; a retry or a later completion rewrites the same item. */
export async function snapshotJourney(tenant: TenantContext, audit: Pick<Audit, 'id' | 'caseRef' | 'completedAt'>, at: string): Promise<void> {
  const journey = await getJourney(tenant, audit.caseRef);
  const asOf = completedOn(audit);
  await putJourneySnapshot(tenant, { auditId: audit.id, caseRef: audit.caseRef, events: (journey?.events ?? []).filter((e) => e.date <= asOf), asOf, journeyVersion: journey?.version ?? 0, takenAt: at });
}

/** `snapshot` is the audit partition's `JOURNEY` item, when the read view's query found one. */
export async function auditJourney(tenant: TenantContext, audit: Audit, snapshot: JourneySnapshot | undefined): Promise<AuditJourney> {
  if (audit.state === 'completed' && snapshot) {
    const events = inJourneyOrder(snapshot.events);
    return { source: 'snapshot', events, timescales: evaluateTimescales(events, snapshot.asOf), asOf: snapshot.asOf, journeyVersion: snapshot.journeyVersion };
  }
  const journey = await getJourney(tenant, audit.caseRef);
  if (audit.state === 'completed' && audit.completedAt) {
    // Completed before snapshots were kept (or the snapshot write was interrupted): the case's events up to that day.
    const asOf = completedOn(audit);
    const events = inJourneyOrder((journey?.events ?? []).filter((e) => e.date <= asOf));
    return { source: 'reconstructed', events, timescales: evaluateTimescales(events, asOf), asOf, journeyVersion: journey?.version ?? 0 };
  }
  const events = inJourneyOrder(journey?.events ?? []);
  const on = today();
  return { source: 'live', events, timescales: evaluateTimescales(events, on), asOf: on, journeyVersion: journey?.version ?? 0 };
}
