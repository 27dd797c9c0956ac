/**
 * The export's ZIP, made from the part objects the collecting step wrote: `README.txt` (what
 * each file holds, with counts), `manifest.json` (the same for a computer), then for each
 * record type `<type>.json` (an array of the records) and `<type>.csv` (one row per record,
 * one column per field any record of that type has; nested values as JSON; cells a spreadsheet
 * would take for a formula start with an apostrophe). Parts are read a line at a time and the
 * ZIP is streamed into the object store, so memory stays at one line and one chunk.
 */
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { csvCell } from '@waypoint/shared/reporting/csv';
import type { ObjectStore } from '../storage/object-store.ts';
import { tenantObjectKey, tenantObjectPrefix } from '../storage/object-keys.ts';
import { zipStream, type ZipFile } from '../platform/zip/zip-stream.ts';
import type { StoredDataExport } from './data-export-store.ts';
import { RECORD_TYPE_ORDER } from './record-types.ts';

/** Key parts, after the tenant's `exports/` area, of an export's part objects. */
export const partsPrefix = (exportId: string): string[] => ['offboarding', exportId, 'parts'];

async function partKeys(objects: ObjectStore, tenantId: string, exportId: string, type: string): Promise<string[]> {
  const prefix = `${tenantObjectPrefix(tenantId, 'exports')}${[...partsPrefix(exportId), type].join('/')}/`;
  const keys: string[] = [];
  for await (const object of objects.list(prefix)) keys.push(object.key);
  return keys.sort();
}

async function* recordsOf(objects: ObjectStore, keys: readonly string[]): AsyncGenerator<Record<string, unknown>> {
  for (const key of keys) {
    const stream = await objects.getStream(key);
    if (!stream) throw new Error('an export part is missing');
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      if (line) yield JSON.parse(line) as Record<string, unknown>;
    }
  }
}

async function* jsonFile(objects: ObjectStore, keys: readonly string[]): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const record of recordsOf(objects, keys)) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
    first = false;
  }
  yield '\n]\n';
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return csvCell(JSON.stringify(value));
  if (typeof value === 'number') return csvCell(value);
  return csvCell(String(value));
}

async function* csvFile(objects: ObjectStore, keys: readonly string[]): AsyncGenerator<string> {
  // A first pass for the columns: the fields of a type are few, the records may be many.
  const columns = new Set<string>();
  for await (const record of recordsOf(objects, keys)) for (const name of Object.keys(record)) columns.add(name);
  const header = [...columns].sort((a, b) => (a === 'id' ? -1 : b === 'id' ? 1 : a.localeCompare(b)));
  yield `${header.map((name) => csvCell(name)).join(',')}\r\n`;
  for await (const record of recordsOf(objects, keys)) yield `${header.map((name) => cell(record[name])).join(',')}\r\n`;
}

function readme(authority: string, record: StoredDataExport, madeAt: string): string {
  const lines = RECORD_TYPE_ORDER.filter((type) => type.exported).map((type) => `  ${type.name.padEnd(24)} ${String(record.counts[type.name] ?? 0).padStart(8)}  ${type.description}`);
  return [
    `Waypoint: all of ${authority}'s data`,
    `Made ${madeAt}.`,
    '',
    'Each kind of record is in two files: <kind>.json (every record in full) and <kind>.csv (the same',
    'records, one a row; fields holding lists or groups of values are written as JSON in their cell).',
    'A cell a spreadsheet would read as a formula starts with an apostrophe.',
    'Feedback given through Have your say is anonymous: it names no person and no case.',
    'Evidence files themselves are not in this export: files.csv lists their details.',
    'Lookups, counters, retry records and rate limits are not exported: they are rebuilt from these records.',
    '',
    'Kind of record             Records  What it is',
    ...lines,
    '',
    'manifest.json lists the same for a computer to read.',
    '',
  ].join('\r\n');
}

export async function packageExport(options: { objects: ObjectStore; tenantId: string; record: StoredDataExport; settingsName: string }): Promise<{ key: string; size: number; filename: string }> {
  const { objects, tenantId, record } = options;
  const madeAt = new Date().toISOString();
  const types = RECORD_TYPE_ORDER.filter((type) => type.exported);
  const manifest = {
    authority: options.settingsName,
    exportId: record.id,
    requestedAt: record.requestedAt,
    madeAt,
    files: types.map((type) => ({ type: type.name, description: type.description, records: record.counts[type.name] ?? 0, json: `${type.name}.json`, csv: `${type.name}.csv` })),
  };
  async function* files(): AsyncGenerator<ZipFile> {
    yield { name: 'README.txt', content: readme(options.settingsName, record, madeAt) };
    yield { name: 'manifest.json', content: `${JSON.stringify(manifest, null, 2)}\n` };
    for (const type of types) {
      const keys = await partKeys(objects, tenantId, record.id, type.name);
      yield { name: `${type.name}.json`, content: jsonFile(objects, keys) };
      yield { name: `${type.name}.csv`, content: csvFile(objects, keys) };
    }
  }
  const key = tenantObjectKey(tenantId, 'exports', 'offboarding', `${record.id}.zip`);
  await objects.put(key, Readable.fromWeb(zipStream(files()) as import('node:stream/web').ReadableStream<Uint8Array>), 'application/zip');
  const head = await objects.head(key);
  // The parts are no longer needed once the ZIP holds them.
  const parts: string[] = [];
  for await (const object of objects.list(`${tenantObjectPrefix(tenantId, 'exports')}${partsPrefix(record.id).join('/')}/`)) {
    parts.push(object.key);
    if (parts.length === 1_000) await objects.deleteMany(parts.splice(0));
  }
  if (parts.length > 0) await objects.deleteMany(parts);
  return { key, size: head?.size ?? 0, filename: `waypoint-export-${record.requestedAt.slice(0, 10)}-${record.id.slice(-6).toLowerCase()}.zip` };
}
