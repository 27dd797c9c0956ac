import { describe, expect, it } from 'vitest';
import type { JourneyEvent } from '@waypoint/shared/journey/journey-events';
import { evaluateTimescales } from '@waypoint/shared/journey/timescales';
import { layoutJourney, TIMELINE_WIDTH } from './journey-timeline.ts';

const event = (id: string, type: JourneyEvent['type'], date: string): JourneyEvent => ({ id, type, date });

describe('the journey timeline layout', () => {
  const events = [event('a', 'referral', '2026-01-05'), event('b', 'assessment-completed', '2026-04-20'), event('c', 'strategy-discussion', '2026-05-01')];
  const timescales = evaluateTimescales(events, '2026-06-30');
  const layout = layoutJourney({ events, timescales, today: '2026-06-30' });

  it('places events left to right in date order, inside the drawing', () => {
    const xs = layout.events.map((e) => e.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(layout.axisFrom);
      expect(x).toBeLessThanOrEqual(layout.axisTo);
    }
    expect(layout.events.map((e) => e.number)).toEqual([1, 2, 3]);
  });

  it('draws a missed timescale with its late stretch past the due date, and an overdue one to today', () => {
    const assessment = layout.timescales.find((t) => t.rule.startsWith('Assessment'))!;
    expect(assessment.status).toBe('missed');
    expect(assessment.lateToX).toBeGreaterThan(assessment.dueX);
    const conference = layout.timescales.find((t) => t.rule.startsWith('Initial'))!;
    expect(conference.status).toBe('overdue');
    expect(conference.markerX).toBe(layout.today.x);
  });

  it('codes timescales T1, T2… in order, one row each', () => {
    expect(layout.timescales.map((t) => t.code)).toEqual(['T1', 'T2']);
    expect(layout.timescales[1]!.y).toBeGreaterThan(layout.timescales[0]!.y);
    expect(layout.height).toBeGreaterThan(layout.timescales[1]!.y);
  });

  it('labels month starts on the axis, the first with its year', () => {
    expect(layout.from < '2026-01-01').toBe(true);
    expect(layout.ticks[0]!.label).toBe('Jan 2026');
    expect(layout.ticks.map((t) => t.label)).toContain('Jun');
  });

  it('lifts the numbers of events on the same day into separate lanes so they do not overlap', () => {
    const crowded = [event('a', 'contact', '2026-03-02'), event('b', 'referral', '2026-03-02'), event('c', 'assessment-started', '2026-03-02')];
    const placed = layoutJourney({ events: crowded, timescales: [], today: '2026-03-10' }).events;
    expect(new Set(placed.map((e) => e.labelY)).size).toBe(3);
  });

  it('thins the axis labels on a long journey to about ten', () => {
    const long = [event('a', 'contact', '2016-01-04'), event('b', 'closure', '2026-01-05')];
    const ticks = layoutJourney({ events: long, timescales: [], today: '2026-01-05' }).ticks;
    expect(ticks.length).toBeLessThanOrEqual(11);
    expect(ticks.every((t) => t.x <= TIMELINE_WIDTH)).toBe(true);
  });
});
