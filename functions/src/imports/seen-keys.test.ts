import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from '@waypoint/shared/imports/import-schemas';
import { SeenKeys } from './seen-keys.ts';

describe('SeenKeys', () => {
  it('gives the row a key was first seen on, and nothing for a key not seen', () => {
    const seen = new SeenKeys();
    seen.set('NV-1', 2);
    seen.set('NV-2', 3);
    seen.set('NV-1', 9);
    expect(seen.get('NV-1')).toBe(2);
    expect(seen.get('NV-2')).toBe(3);
    expect(seen.get('NV-3')).toBeUndefined();
    expect(seen.get('nv-1')).toBeUndefined();
    expect(seen.firstRow('NV-2', 7)).toBe(3);
    expect(seen.firstRow('NV-4', 8)).toBeUndefined();
    expect(seen.get('NV-4')).toBe(8);
  });

  it('tells apart every key of the longest file an import takes, in a table that does not grow', () => {
    const seen = new SeenKeys();
    const size = process.memoryUsage().arrayBuffers;
    for (let row = 2; row < MAX_IMPORT_ROWS + 2; row++) seen.set(`IMP-${row}`, row);
    for (let row = 2; row < MAX_IMPORT_ROWS + 2; row += 997) expect(seen.get(`IMP-${row}`)).toBe(row);
    expect(seen.get(`IMP-${MAX_IMPORT_ROWS + 2}`)).toBeUndefined();
    expect(process.memoryUsage().arrayBuffers - size).toBeLessThan(1024 * 1024);
    expect(() => seen.set('one too many', 1)).toThrow(RangeError);
  });
});
