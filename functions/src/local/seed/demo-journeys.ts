/**
 * Demo journeys: dated events for the first 24 cases of an authority, told the way their
 * case type runs (a child in need assessed, a child protection plan with conferences, a
 * child looked after with reviews, early help stepped down), some within the statutory
 * timescales and some outside them, ending no later than today. Completed demo audits get
 * the journey as it stood when they completed.
 */
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import type { JourneyEventType } from '@waypoint/shared/journey/journey-events';
import type { RecordedJourneyEvent } from '@waypoint/shared/journey/journey-schemas';
import { addMonths, addWorkingDays } from '@waypoint/shared/time/calendar-dates';
import type { JourneySnapshot, StoredJourney } from '../../journey/journey-store.ts';
import { demoCases, type DemoTenant } from './demo-data.ts';

export const DEMO_JOURNEY_CASES = 24;

type Step = [JourneyEventType, string, string?];

/** The story of one case: `late` cases miss their timescales, the others meet them. */
function story(c: Case, start: string, late: boolean): Step[] {
  const wd = (from: string, days: number) => addWorkingDays(from, days);
  const referral = addWorkingDays(start, 1);
  const assessed = wd(referral, late ? 52 : 38);
  switch (c.caseType) {
    case 'child-protection': {
      const strategy = wd(referral, 2);
      const initial = wd(strategy, late ? 18 : 13);
      return [
        ['contact', start, 'Call from school: bruising seen on the child’s arm.'],
        ['referral', referral],
        ['strategy-discussion', strategy, 'Police, health and school attended.'],
        ['section-47-enquiry', strategy],
        ['assessment-started', referral],
        ['initial-cp-conference', initial, 'Child protection plan under the category of physical abuse.'],
        ['assessment-completed', assessed],
        ['review-cp-conference', addMonths(initial, late ? 4 : 3)],
      ];
    }
    case 'child-looked-after':
    case 'care-leaver': {
      const came = wd(referral, 30);
      const first = wd(came, late ? 24 : 15);
      return [
        ['referral', referral, 'Referral from the police after a missing episode.'],
        ['assessment-started', referral],
        ['assessment-completed', assessed],
        ['became-looked-after', came, 'Placed with foster carers under section 20.'],
        ['looked-after-review', first],
        ['looked-after-review', addMonths(first, 3)],
        ['plan', addMonths(first, 3), 'Permanence plan: long-term fostering.'],
      ];
    }
    case 'early-help':
      return [
        ['contact', start, 'Family asked the school for help with routines and attendance.'],
        ['plan', wd(start, 15), 'Team around the child formed; family plan agreed.'],
        ['step-down', addMonths(start, 9), 'Stepped down to universal services.'],
      ];
    default:
      return [
        ['contact', start, 'Health visitor raised concerns about home conditions.'],
        ['referral', referral],
        ['assessment-started', wd(referral, 3)],
        ['assessment-completed', assessed],
        ['plan', wd(assessed, 10), 'Child in need plan agreed with the family.'],
      ];
  }
}

export interface DemoJourneys {
  journeys: StoredJourney[];
  snapshots: JourneySnapshot[];
}

export function demoJourneys(tenant: DemoTenant, now: Date, audits: readonly Audit[]): DemoJourneys {
  const today = londonDate(now);
  const at = now.toISOString();
  const p = tenant.prefix.toLowerCase();
  const journeys = demoCases(tenant, '2026-01-05T09:00:00.000Z')
    .slice(0, DEMO_JOURNEY_CASES)
    .map((c, index): StoredJourney => {
      // Journeys start 8 to 19 months ago, so audits over the last six months find them under way.
      const start = addMonths(today, -(8 + (index % 12)));
      const events = story(c, start, index % 3 === 1)
        .filter(([, date]) => date <= today)
        .map(([type, date, note], n): RecordedJourneyEvent => ({ id: `${c.ref.toLowerCase()}-j${String(n + 1).padStart(2, '0')}`, type, date, ...(note ? { note } : {}), recordedById: `${p}-manager`, recordedAt: at }));
      return { caseRef: c.ref, events, version: 1, createdAt: at, updatedAt: at };
    });
  const byCase = new Map(journeys.map((j) => [j.caseRef, j]));
  const snapshots = audits
    .filter((a) => a.state === 'completed' && a.completedAt && byCase.has(a.caseRef))
    .map((a): JourneySnapshot => {
      const asOf = londonDate(new Date(a.completedAt!));
      return { auditId: a.id, caseRef: a.caseRef, events: byCase.get(a.caseRef)!.events.filter((e) => e.date <= asOf), asOf, journeyVersion: 1, takenAt: a.completedAt! };
    });
  return { journeys, snapshots };
}
