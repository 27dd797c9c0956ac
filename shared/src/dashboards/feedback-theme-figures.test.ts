import { describe, expect, it } from 'vitest';
import { feedbackThemesFigure } from './feedback-theme-figures.ts';
import { serviceFigureCsv } from './service-csv.ts';
import { serviceView } from './service-figures.ts';
import { counter } from './totals-counters.ts';

const THEMES = ['Being listened to', 'Getting in touch', 'Waiting', '=Seeing the same worker'];
const tagged = (n: number, themes: Record<string, number>) => ({ [counter.feedbackTagged]: n, ...Object.fromEntries(Object.entries(themes).map(([t, c]) => [counter.feedbackTheme(t), c])) });

describe('feedback themes on the service view', () => {
  it('gives each theme’s count and share of the tagged responses, most common first, and under 5 only as “fewer than 5”', () => {
    const figure = feedbackThemesFigure(tagged(12, { 'Being listened to': 5, Waiting: 9, 'Getting in touch': 4 }), THEMES);
    expect(figure.withheld).toBe(false);
    expect(figure.taggedResponses).toEqual({ value: 12, suppressed: false });
    expect(figure.themes).toEqual([
      { theme: 'Waiting', count: { value: 9, suppressed: false }, share: 9 / 12 },
      { theme: 'Being listened to', count: { value: 5, suppressed: false }, share: 5 / 12 },
      { theme: 'Getting in touch', count: { value: null, suppressed: true }, share: null },
      { theme: '=Seeing the same worker', count: { value: null, suppressed: true }, share: null },
    ]);
  });

  it('lists hidden themes in the authority’s order whatever their counts, so the order gives no count away', () => {
    const one = feedbackThemesFigure(tagged(6, { 'Being listened to': 6, Waiting: 4, 'Getting in touch': 1 }), THEMES).themes.map((t) => t.theme);
    const other = feedbackThemesFigure(tagged(6, { 'Being listened to': 6, Waiting: 1, 'Getting in touch': 4 }), THEMES).themes.map((t) => t.theme);
    expect(one).toEqual(['Being listened to', 'Getting in touch', 'Waiting', '=Seeing the same worker']);
    expect(other).toEqual(one);
  });

  it('shows no figure at all when fewer than 5 responses were tagged in the period', () => {
    for (const n of [0, 1, 4]) {
      const figure = feedbackThemesFigure(tagged(n, { Waiting: n }), THEMES);
      expect(figure).toEqual({ taggedResponses: { value: null, suppressed: true }, withheld: true, themes: [] });
    }
    expect(feedbackThemesFigure(tagged(5, { Waiting: 5 }), THEMES).withheld).toBe(false);
  });

  it('lists a theme no longer on the authority’s list only when its count can be shown', () => {
    const figure = feedbackThemesFigure(tagged(10, { 'Old name': 7, 'Dropped theme': 2, Waiting: 5 }), ['Waiting']);
    expect(figure.themes.map((t) => [t.theme, t.count.value])).toEqual([
      ['Old name', 7],
      ['Waiting', 5],
    ]);
  });

  it('sums the period’s months and goes into the CSV with small counts spelled out and formula-looking themes defused', () => {
    const view = serviceView({
      period: 'quarter',
      months: ['2026-09', '2026-10', '2026-11'],
      filters: { team: null, caseType: null },
      today: '2026-11-26',
      rows: [
        { month: '2026-09', counters: tagged(3, { 'Being listened to': 3, '=Seeing the same worker': 3 }) },
        { month: '2026-11', counters: tagged(3, { 'Being listened to': 3, Waiting: 1 }) },
      ],
      sectionTitles: {},
      themes: THEMES,
    });
    expect(view.feedbackThemes.taggedResponses.value).toBe(6);
    expect(view.exports).toContain('feedback-themes');
    const lines = serviceFigureCsv(view, 'feedback-themes', []).csv.split('\r\n');
    expect(lines.slice(0, 6)).toEqual(['theme,responses,share of tagged responses (%)', 'Responses tagged with any theme,6,', 'Being listened to,6,100', 'Getting in touch,fewer than 5,', 'Waiting,fewer than 5,', "'=Seeing the same worker,fewer than 5,"]);
  });

  it('writes only the sentence’s worth in the CSV when withheld', () => {
    const view = serviceView({ period: 'month', months: ['2026-11'], filters: { team: null, caseType: null }, today: '2026-11-26', rows: [{ month: '2026-11', counters: tagged(4, { Waiting: 4 }) }], sectionTitles: {}, themes: THEMES });
    expect(serviceFigureCsv(view, 'feedback-themes', []).csv).toBe('theme,responses,share of tagged responses (%)\r\nResponses tagged with any theme,fewer than 5,\r\n');
  });
});
