import { describe, expect, it } from 'vitest';
import { counter, daysToDoneBin, daysToDoneBinEnd, isCounterName, themeOfCounter } from './totals-counters.ts';

describe('totals counters', () => {
  it('names counters so they split cleanly and never look like marks or labels', () => {
    expect(counter.sectionGrade('voice-of-the-child', 'requires-improvement')).toBe('s.voice-of-the-child.r');
    expect(counter.fairness('ageBand', '10-15', 'inadequate')).toBe('f.ageBand.10-15.i');
    expect(counter.fairness('gender', 'not-recorded', 'ontime')).toBe('f.gender.not-recorded.ontime');
    for (const name of ['a.due', 'm.o.gr', 'x.d.31']) expect(isCounterName(name)).toBe(true);
    for (const name of ['v.audit.01J', 'month', 'teamId', 'PK']) expect(isCounterName(name)).toBe(false);
  });

  it('names a feedback theme by its words in hex, whatever they hold, and reads the words back', () => {
    for (const theme of ['Being listened to', '=Waiting. Too long?', 'Cael eich clywed – ’r gweithiwr', 'ہماری بات سنی گئی']) {
      const name = counter.feedbackTheme(theme);
      expect(isCounterName(name), theme).toBe(true);
      expect(themeOfCounter(name)).toBe(theme);
    }
    expect(counter.feedbackTheme('Ab')).toBe('e.t.4162');
    expect(isCounterName(counter.feedbackTagged)).toBe(true);
    expect(themeOfCounter('e.n')).toBeUndefined();
    expect(themeOfCounter('e.t.4')).toBeUndefined();
  });

  it('bins days to done by the day up to 30, by the week to a year, then as a year or more', () => {
    expect([0, 30, 31, 37, 38, 364, 365, 900].map(daysToDoneBin)).toEqual([0, 30, 31, 31, 38, 360, 365, 365]);
    expect([12, 31, 360, 365].map(daysToDoneBinEnd)).toEqual([12, 37, 364, null]);
  });
});
