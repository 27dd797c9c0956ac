/**
 * Reading an uploaded export row by row, whatever its size: CSV through csv-parse and XLSX
 * through exceljs's streaming reader (its shared strings kept on disk), so memory stays flat
 * however long the file is. Whatever
 * makes the whole file unreadable (wrong encoding, too big, too wide, a harmful ZIP) is an
 * `ImportFileProblem` in plain words, shown on the preview. A read of the stored file that
 * fails or stops short (the object store or the network at fault, not the file) is a
 * `StoredFileReadError` instead (stored-file-reads.ts), which the work retries: a passing
 * fault must never tell a council its good file is damaged.
 */
import { pipeline, Transform, type Readable } from 'node:stream';
import { MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '@waypoint/shared/imports/import-schemas';
import { StoredFileReads } from './stored-file-reads.ts';
import { SharedStringsOnDisk } from './xlsx-shared-strings.ts';

/** Where the uploaded file is read from: the object store in AWS and on one machine, a local file in the bench. */
export interface ImportFileSource {
  size: number;
  /** The bytes from `start` to the end. */
  stream(start?: number): Promise<Readable>;
}

export class ImportFileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileProblem';
  }
}

/** A cell as read: text, a date an XLSX file typed as one, or a formula the spreadsheet would run. */
export type CellValue = string | Date | { formula: string };

export interface FileRow {
  /** The row's number as the spreadsheet shows it: the header is row 1. */
  row: number;
  cells: CellValue[];
}

/** Longest CSV line accepted: a real export's row is a few hundred bytes. */
const MAX_RECORD_BYTES = 64 * 1024;
/** An XLSX unpacking to more than this, or to this many times its size, is not a real export. */
const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;
const MAX_UNPACK_RATIO = 100;

export function checkFileSize(size: number): void {
  if (size > MAX_IMPORT_BYTES) throw new ImportFileProblem(`The file is ${megabytes(size)} MB; files of up to ${megabytes(MAX_IMPORT_BYTES)} MB can be imported. Export fewer rows at a time, or only the columns Waypoint needs.`);
  if (size === 0) throw new ImportFileProblem('The file is empty.');
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The header (row 1) and then every non-empty row, in order. */
export async function* readFileRows(source: ImportFileSource, format: 'csv' | 'xlsx'): AsyncGenerator<FileRow> {
  checkFileSize(source.size);
  const reads = new StoredFileReads(source);
  const rows = format === 'csv' ? readCsv(reads) : readXlsx(reads);
  let count = 0;
  let header = true;
  try {
    for await (const row of rows) {
      if (header) {
        header = false;
        if (row.cells.length > MAX_IMPORT_COLUMNS) throw new ImportFileProblem(`The file has ${row.cells.length.toLocaleString('en-GB')} columns; an export for Waypoint has at most ${MAX_IMPORT_COLUMNS}. Export only the columns Waypoint needs.`);
      } else if (row.cells.every((cell) => cell === '')) continue;
      else if (++count > MAX_IMPORT_ROWS) throw new ImportFileProblem(`The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows; import it in parts.`);
      if (row.cells.length > MAX_IMPORT_COLUMNS) throw new ImportFileProblem(`Row ${row.row} has ${row.cells.length.toLocaleString('en-GB')} cells; an export for Waypoint has at most ${MAX_IMPORT_COLUMNS} columns.`);
      yield row;
    }
  } catch (error) {
    // What a failed read made the readers conclude about the file (damaged, cut short) says
    // nothing about the file: the read's failure is the error, whichever reader saw it.
    throw reads.failure ?? error;
  }
  reads.throwIfFailed();
  if (header) throw new ImportFileProblem('The file has no header row: the first row must name the columns.');
}

async function* readCsv(reads: StoredFileReads): AsyncGenerator<FileRow> {
  const { parse } = await import('csv-parse');
  const input = await reads.stream();
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, max_record_size: MAX_RECORD_BYTES, skip_empty_lines: true, info: true });
  // pipeline passes any stage's error on to the parser, whose loop below then throws it.
  pipeline(input, utf8Check(), parser, () => undefined);
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { row: record.info.lines, cells: record.record };
    }
  } catch (error) {
    throw asFileProblem(error);
  }
}

function asFileProblem(error: unknown): Error {
  if (error instanceof ImportFileProblem) return error;
  const code = (error as { code?: string }).code;
  if (code === 'CSV_MAX_RECORD_SIZE') return new ImportFileProblem(`A row of the file is longer than ${MAX_RECORD_BYTES / 1024} KB, far longer than an export’s row: the file may have thousands of columns, or not be an export at all.`);
  if (code?.startsWith('CSV_')) return new ImportFileProblem(`The file could not be read as CSV: ${(error as Error).message.replace(/^Invalid (Opening|Closing) Quote: /, '')}`);
  return error as Error;
}

/**
 * Refuses what is not UTF-8 text, before csv-parse sees it: a UTF-16 file, a binary or Excel
 * file, or bytes that are not UTF-8 (an export saved as Windows-1252). Passes the bytes on.
 */
function utf8Check(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (first) {
        first = false;
        if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) return done(new ImportFileProblem('The file is saved as UTF-16 (“Unicode text”). Save it again as “CSV UTF-8” and upload that.'));
        if (chunk[0] === 0x50 && chunk[1] === 0x4b) return done(new ImportFileProblem('This is an Excel or ZIP file, not CSV. Choose Excel (.xlsx) as the format, or save it as “CSV UTF-8”.'));
      }
      if (chunk.includes(0)) return done(new ImportFileProblem('The file holds binary data, not text: it is not a CSV export.'));
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        return done(new ImportFileProblem('The file is not in UTF-8: some of its characters are in another encoding, such as Windows-1252. Save it again as “CSV UTF-8” and upload that.'));
      }
      done(null, chunk);
    },
    flush(done) {
      try {
        decoder.decode();
        done();
      } catch {
        done(new ImportFileProblem('The file ends part-way through a character: it is not in UTF-8. Save it again as “CSV UTF-8”.'));
      }
    },
  });
}

/** The ZIP's own directory, read before anything is unpacked: a ZIP bomb never gets opened. */
async function checkZip(reads: StoredFileReads): Promise<void> {
  const head = await firstBytes(reads, 4);
  if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b) throw new ImportFileProblem('This is not an Excel (.xlsx) file. Choose CSV as the format if it is a CSV export, or save it from Excel as .xlsx.');
  const { default: unzipper } = await import('unzipper');
  let directory: { files: { path: string; uncompressedSize: number; compressedSize: number }[] };
  try {
    // unzipper leaves some of its reads' errors unheard, and would wait for them for ever: a failed read ends the wait.
    directory = await reads.unlessFailed(unzipper.Open.custom({ size: async () => reads.size, stream: (offset: number) => lazyStream(reads, offset) }));
  } catch {
    throw new ImportFileProblem('The Excel file is damaged and could not be opened. Open it in Excel, save it again as .xlsx and upload that.');
  }
  let unpacked = 0;
  for (const file of directory.files) {
    unpacked += file.uncompressedSize;
    if (file.uncompressedSize > MAX_UNPACK_RATIO * Math.max(file.compressedSize, 1024) || unpacked > MAX_UNPACKED_BYTES) {
      throw new ImportFileProblem('The Excel file would unpack to far more than a real export (a “ZIP bomb”), so it was not opened. Export the data from the case-management system again.');
    }
  }
  if (!directory.files.some((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.path))) throw new ImportFileProblem('The Excel file has no worksheet. Export the data again as .xlsx.');
}

async function firstBytes(reads: StoredFileReads, n: number): Promise<Buffer> {
  const stream = await reads.stream();
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= n) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, n);
}

/** unzipper asks for a stream synchronously; the object store answers with a promise. */
function lazyStream(reads: StoredFileReads, offset: number): Readable {
  const pass = new Transform({ transform: (chunk, _e, done) => done(null, chunk) });
  // unzipper pipes some of these without listening for errors: a failure is heard by `reads`.
  pass.on('error', () => undefined);
  reads.stream(offset).then(
    (s) => {
      s.on('error', (e) => pass.destroy(e));
      s.pipe(pass);
    },
    (e: Error) => pass.destroy(e),
  );
  return pass;
}

async function* readXlsx(reads: StoredFileReads): AsyncGenerator<FileRow> {
  await checkZip(reads);
  const { default: ExcelJS } = await import('exceljs');
  const input = await reads.stream();
  // Shared strings are emitted, not cached: they go to disk (xlsx-shared-strings.ts), and
  // exceljs then parks each worksheet in a temporary file until the strings are all read.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'emit', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const strings = new SharedStringsOnDisk();
  try {
    // exceljs pipes the file without listening for its errors: a failed read ends the wait for the next item.
    for await (const item of reads.eachUnlessFailed(reader.parse() as unknown as AsyncIterable<XlsxParseItem>)) {
      if ('index' in item) {
        strings.add(sharedText(item.text));
        continue;
      }
      if (item.eventType !== 'worksheet') continue;
      // The first worksheet is the export; others (notes, pivot tables) are left alone.
      for await (const row of reads.eachUnlessFailed(item.value)) {
        const values = (row.values as unknown[]).slice(1);
        if (values.length > MAX_IMPORT_COLUMNS) throw new ImportFileProblem(`Row ${row.number} has ${values.length.toLocaleString('en-GB')} cells; an export for Waypoint has at most ${MAX_IMPORT_COLUMNS} columns.`);
        yield { row: row.number, cells: Array.from(values, (value) => xlsxCell(value, strings)) };
      }
      break;
    }
  } catch (error) {
    if (error instanceof ImportFileProblem) throw error;
    throw new ImportFileProblem('The Excel file could not be read to the end. Open it in Excel, save it again as .xlsx and upload that.');
  } finally {
    input.destroy();
    strings.close();
  }
}

/** What exceljs's parse yields: a shared string (with `sharedStrings: 'emit'`) or an event such as a worksheet. */
type XlsxParseItem = { index: number; text: unknown } | { eventType: string; value: AsyncIterable<{ number: number; values: unknown }> };

/** A shared string as exceljs emits it: text, rich text (runs of text), or nothing for an empty one. */
function sharedText(text: unknown): string {
  if (typeof text === 'string') return text;
  const runs = (text as { richText?: { text?: string | null }[] } | null)?.richText;
  return runs ? runs.map((r) => r.text ?? '').join('') : '';
}

function xlsxCell(value: unknown, strings: SharedStringsOnDisk): CellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { formula?: string; sharedFormula?: string; sharedString?: number; richText?: { text: string }[]; text?: string; error?: string };
    if (v.sharedString !== undefined) return strings.get(v.sharedString) ?? '';
    if (v.formula !== undefined || v.sharedFormula !== undefined) return { formula: String(v.formula ?? v.sharedFormula) };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return String(v.text);
    if (v.error !== undefined) return String(v.error);
    return '';
  }
  return String(value);
}
