/**
 * An XLSX file keeps each distinct text once, in a table the cells point into by number
 * (`xl/sharedStrings.xml`): a 50,000-row export has a hundred thousand of them or more. Held in
 * memory (exceljs's `sharedStrings: 'cache'`) they made reading an XLSX file grow about 140
 * bytes a row. Here they go to a temporary file as they are read, with a second file of fixed
 * 8-byte entries saying where each one starts and how long it is, so a cell's text is two reads
 * from disk (the operating system's cache, in practice) and memory stays flat in the file's size.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes are gathered in buffers of this size. */
const BUFFER_BYTES = 64 * 1024;

export class SharedStringsOnDisk {
  private readonly folder = mkdtempSync(join(tmpdir(), 'waypoint-xlsx-'));
  private readonly texts = openSync(join(this.folder, 'texts'), 'w+');
  private readonly places = openSync(join(this.folder, 'places'), 'w+');
  private readonly textBuffer = Buffer.alloc(BUFFER_BYTES);
  private readonly placeBuffer = Buffer.alloc(BUFFER_BYTES);
  private textBuffered = 0;
  private placeBuffered = 0;
  private textBytes = 0;
  private count = 0;
  private readonly entry = Buffer.alloc(8);

  /** Adds the next string of the table (they come in order: the first is number 0). */
  add(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    if (this.placeBuffered + 8 > BUFFER_BYTES) this.flushPlaces();
    this.placeBuffer.writeUInt32LE(this.textBytes, this.placeBuffered);
    this.placeBuffer.writeUInt32LE(bytes.length, this.placeBuffered + 4);
    this.placeBuffered += 8;
    if (this.textBuffered + bytes.length > BUFFER_BYTES) this.flushTexts();
    if (bytes.length > BUFFER_BYTES) writeSync(this.texts, bytes, 0, bytes.length, this.textBytes);
    else this.textBuffered += bytes.copy(this.textBuffer, this.textBuffered);
    this.textBytes += bytes.length;
    this.count++;
  }

  /** String number `index`, or undefined when the table has no such number. */
  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    this.flushPlaces();
    this.flushTexts();
    readSync(this.places, this.entry, 0, 8, index * 8);
    const length = this.entry.readUInt32LE(4);
    const text = Buffer.alloc(length);
    readSync(this.texts, text, 0, length, this.entry.readUInt32LE(0));
    return text.toString('utf8');
  }

  /** Closes and deletes the temporary files. */
  close(): void {
    closeSync(this.texts);
    closeSync(this.places);
    rmSync(this.folder, { recursive: true, force: true });
  }

  private flushTexts(): void {
    if (!this.textBuffered) return;
    // The buffered bytes end where the texts so far end: a string longer than the buffer is written directly, after a flush.
    writeSync(this.texts, this.textBuffer, 0, this.textBuffered, this.textBytes - this.textBuffered);
    this.textBuffered = 0;
  }

  private flushPlaces(): void {
    if (!this.placeBuffered) return;
    writeSync(this.places, this.placeBuffer, 0, this.placeBuffered, this.count * 8 - this.placeBuffered);
    this.placeBuffered = 0;
  }
}
