import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV export', () => {
  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+44 20')).toBe(`'+44 20`);
    expect(csvCell('-1')).toBe(`'-1`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
  });

  it('leaves numbers as numbers, negative ones included', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.25)).toBe('0.25');
  });

  it('quotes commas, quotes and line breaks, with CRLF between rows', () => {
    expect(toCsv(['team', 'note'], [['Child in Need', 'said "fine", then\nleft']])).toBe('team,note\r\nChild in Need,"said ""fine"", then\nleft"\r\n');
  });
});
