import { describe, expect, it } from 'vitest';
import { serviceFigureCsv } from './service-csv.ts';
import { serviceView } from './service-figures.ts';

const view = serviceView({
  period: 'month',
  months: ['2026-11'],
  filters: { team: 'cin', caseType: null },
  today: '2026-11-26',
  rows: [{ month: '2026-11', counters: { 'a.due': 2, 'g.g': 1, 's.assessment.r': 1, 'x.raised': 1, 'x.s.assessment': 1, 'f.gender.female.due': 2 } }],
  sectionTitles: { assessment: '=HYPERLINK("http://evil.example")' },
});
const labels = ['Excellent', 'Good', 'Needs work', 'Poor'];

describe('CSV of a figure', () => {
  it('defuses a title a spreadsheet would run as a formula', () => {
    const { csv } = serviceFigureCsv(view, 'areas-for-development', labels);
    expect(csv).toBe(`section,graded below good,actions raised\r\n"'=HYPERLINK(""http://evil.example"")",1,1\r\n`);
  });

  it('uses the authority’s grade names and names the file by figure, period and filters', () => {
    const { filename, csv } = serviceFigureCsv(view, 'grades', labels);
    expect(filename).toBe('waypoint-grades-2026-11-to-2026-11-cin.csv');
    expect(csv.split('\r\n')[0]).toBe('part,Excellent,Good,Needs work,Poor');
    expect(csv.split('\r\n')[1]).toBe('Overall,0,1,0,0');
  });

  it('writes "fewer than 5" for small groups, never their number', () => {
    const { csv } = serviceFigureCsv(view, 'fairness', labels);
    const female = csv.split('\r\n').find((line) => line.startsWith('Gender,Female'))!;
    expect(female).toBe('Gender,Female,fewer than 5,fewer than 5,fewer than 5,,fewer than 5,fewer than 5,fewer than 5,fewer than 5');
  });

  it('gives every figure the view lists', () => {
    for (const figure of view.exports) expect(serviceFigureCsv(view, figure, labels).csv.length, figure).toBeGreaterThan(10);
  });
});
