/**
 * The keys a pass over a file has met (case references, emails, a case's event on a day) and
 * the row each was first on, in a table of fixed size made for the longest file an import
 * takes: finding a repeated key costs the same 1.5 MB for a file of ten rows as for one of
 * 100,000. A Map of the keys themselves grew by about 70 bytes a row, the one part of an
 * import's memory that followed the file's length.
 *
 * A key is kept as a 64-bit fingerprint (the first 8 bytes of its SHA-1), not as its text. Two
 * different keys of one file share a fingerprint by chance with odds of about one in 3,700
 * million at 100,000 rows; the later row would then be refused as a repeat of the earlier.
 */
import { createHash } from 'node:crypto';
import { MAX_IMPORT_ROWS } from '@waypoint/shared/imports/import-schemas';

/** Slots: a power of two, so a fingerprint's bits pick one; at most three quarters full. */
const SLOTS = 2 ** 17;
/** Each slot is three 32-bit words: the fingerprint's two halves and the row (0: empty; rows start at 2). */
const WORDS = 3;

export class SeenKeys {
  private readonly slots = new Uint32Array(SLOTS * WORDS);
  private count = 0;

  /** The row `key` was first seen on, if it was. */
  get(key: string): number | undefined {
    return this.slots[this.find(fingerprint(key)) + 2] || undefined;
  }

  /** Notes `key` as first seen on `row` (a key already seen keeps its first row). */
  set(key: string, row: number): void {
    this.firstRow(key, row);
  }

  /** The row `key` was first seen on; when this is its first time, notes `row` and gives undefined. One fingerprint for both. */
  firstRow(key: string, row: number): number | undefined {
    if (row < 1) throw new RangeError('rows start at 1');
    const print = fingerprint(key);
    const slot = this.find(print);
    const first = this.slots[slot + 2];
    if (first) return first;
    // Never reached: the file reader stops at MAX_IMPORT_ROWS rows, each with at most one new key per table.
    if (++this.count > MAX_IMPORT_ROWS) throw new RangeError('more keys than an import has rows');
    this.slots[slot] = print[0];
    this.slots[slot + 1] = print[1];
    this.slots[slot + 2] = row;
    return undefined;
  }

  /** The slot holding this fingerprint, or the empty one where it would go (linear probing). */
  private find([high, low]: [number, number]): number {
    for (let i = low & (SLOTS - 1); ; i = (i + 1) & (SLOTS - 1)) {
      const slot = i * WORDS;
      if (!this.slots[slot + 2] || (this.slots[slot] === high && this.slots[slot + 1] === low)) return slot;
    }
  }
}

function fingerprint(key: string): [number, number] {
  const digest = createHash('sha1').update(key).digest();
  return [digest.readUInt32BE(0), digest.readUInt32BE(4)];
}
