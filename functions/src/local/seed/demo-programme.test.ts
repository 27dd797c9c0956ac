import { describe, expect, it } from 'vitest';
import { isLate } from '@waypoint/shared/programme/audit-timeliness';
import { ineligibility, proposeSample } from '@waypoint/shared/programme/sampling';
import { journeyOrderProblems } from '@waypoint/shared/journey/journey-order';
import { evaluateTimescales } from '@waypoint/shared/journey/timescales';
import { moderationPairs } from '@waypoint/shared/moderation/moderation-agreement';
import { demoAudits } from './demo-audits.ts';
import { DEMO_TENANTS, demoUsers } from './demo-data.ts';
import { demoJourneys } from './demo-journeys.ts';
import { demoModerations } from './demo-moderation.ts';
import { demoProgramme } from './demo-programme.ts';

const NOW = new Date('2026-11-26T10:00:00Z');
const TODAY = '2026-11-26';
const northvale = DEMO_TENANTS[0]!;
const audits = demoAudits(northvale, NOW).audits;
const programme = demoProgramme(northvale, NOW, audits);

describe('the demo programme', () => {
  it('gives every manager a sample for this month that replays from its seed', () => {
    const managers = demoUsers(northvale)
      .filter((u) => u.role === 'manager')
      .map((u) => u.id);
    expect(programme.samples.map((s) => s.managerId)).toEqual(managers);
    for (const sample of programme.samples) {
      expect(sample.month).toBe('2026-11');
      expect(proposeSample({ seed: sample.seed, month: sample.month, size: sample.size, candidates: sample.candidates }).picked).toEqual(sample.proposed);
      expect(sample.picked).toHaveLength(2);
      for (const ref of sample.picked)
        expect(
          ineligibility(
            sample.candidates.find((c) => c.ref === ref)!,
            '2026-11-01',
          ),
          ref,
        ).toBeNull();
    }
  });

  it('leaves the home team’s sample proposed, another accepted into planned audits, a third swapped with a reason', () => {
    const [home, accepted, swapped] = programme.samples;
    expect(home!.state).toBe('proposed');
    expect(accepted!.state).toBe('accepted');
    const plannedFromSample = programme.audits.filter((a) => a.sampledFor === accepted!.managerId);
    expect(plannedFromSample.map((a) => a.id)).toEqual(accepted!.auditIds);
    expect(plannedFromSample.every((a) => a.state === 'planned' && a.auditorId === accepted!.managerId)).toBe(true);
    expect(swapped!.swaps).toHaveLength(1);
    expect(swapped!.picked).not.toEqual(swapped!.proposed);
  });

  it('re-audits the Inadequate audit three months on, which is now late', () => {
    const inadequate = audits.find((a) => a.state === 'completed' && a.overallGrade === 'inadequate')!;
    const reaudit = programme.audits.find((a) => a.reauditOf === inadequate.id)!;
    expect(reaudit).toMatchObject({ caseRef: inadequate.caseRef, state: 'planned', month: '2026-10', auditorId: inadequate.auditorId });
    expect(isLate(reaudit, TODAY)).toBe(true);
  });

  it('dates nothing after the moment it is seeded', () => {
    for (const item of [...programme.samples, ...programme.audits]) expect(item.createdAt <= NOW.toISOString()).toBe(true);
  });
});

describe('the demo journeys', () => {
  const { journeys, snapshots } = demoJourneys(northvale, NOW, audits);

  it('keep to the order rules and never reach past today', () => {
    for (const journey of journeys) {
      expect(journeyOrderProblems(journey.events), journey.caseRef).toEqual([]);
      for (const event of journey.events) expect(event.date <= TODAY).toBe(true);
    }
  });

  it('show timescales met and missed', () => {
    const statuses = new Set(journeys.flatMap((j) => evaluateTimescales(j.events, TODAY).map((t) => t.status)));
    expect(statuses.has('met')).toBe(true);
    expect(statuses.has('missed')).toBe(true);
  });

  it('freeze each completed audit’s journey as it stood when it completed', () => {
    expect(snapshots.length).toBeGreaterThan(0);
    for (const snapshot of snapshots) for (const event of snapshot.events) expect(event.date <= snapshot.asOf).toBe(true);
  });
});

describe('the demo moderations', () => {
  const moderations = demoModerations(northvale, audits);

  it('moderate completed audits QA did not run, with some disagreement', () => {
    expect(moderations.length).toBeGreaterThanOrEqual(6);
    const byId = new Map(audits.map((a) => [a.id, a]));
    for (const m of moderations) {
      expect(byId.get(m.auditId)?.state).toBe('completed');
      expect(m.auditorId).not.toBe(m.moderatorId);
    }
    const pairs = moderations.flatMap((m) => moderationPairs(m));
    expect(pairs.some((p) => p.auditor !== p.moderator)).toBe(true);
    expect(pairs.some((p) => p.auditor === p.moderator)).toBe(true);
  });
});
