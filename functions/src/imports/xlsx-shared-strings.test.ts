import { describe, expect, it } from 'vitest';
import { SharedStringsOnDisk } from './xlsx-shared-strings.ts';

describe('SharedStringsOnDisk', () => {
  it('gives back each string by its number, across buffer flushes, long strings and any script', () => {
    const table = new SharedStringsOnDisk();
    try {
      const long = 'x'.repeat(70 * 1024);
      const strings = Array.from({ length: 20_000 }, (_, i) => (i === 7_000 ? long : i % 3 ? `Case ${i} – Ysgol Gymraeg ${'é'.repeat(i % 5)}` : ''));
      for (const s of strings) table.add(s);
      for (const i of [0, 1, 2, 6_999, 7_000, 7_001, 19_999]) expect(table.get(i)).toBe(strings[i]);
      expect(table.get(20_000)).toBeUndefined();
      expect(table.get(-1)).toBeUndefined();
      table.add('after reading');
      expect(table.get(20_000)).toBe('after reading');
    } finally {
      table.close();
    }
  });
});
