/**
 * The import job's work on one import, one step at a time, each step safe to run again:
 * read the file's columns (and suggest a mapping), check every row (nothing but problems is
 * written), then apply the rows in chunks, saving after each chunk the row the next one
 * starts at. A pass that stops part-way (a crash, a Lambda's time running out) is resumed by
 * the next from that row; rows already done are read again but not applied again. A read of
 * the stored file that fails (the object store or the network, not the file) runs the step
 * again after a short wait, a few times; then the pass stops with that error like any other,
 * and the next pass (the sweep's, or the timer's on one machine) tries again. Only what is
 * wrong with the file itself refuses an import.
 */
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { IMPORT_FIELDS, type ImportCounts, type ImportProblem } from '@waypoint/shared/imports/import-schemas';
import { suggestMapping } from '@waypoint/shared/imports/import-presets';
import { mappingProblems } from './import-mapping.ts';
import { clock } from '@waypoint/shared/time/clock';
import type { SignInAccounts } from '../platform/accounts/sign-in-accounts.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { countInTenantSize } from '../tenants/tenant-size.ts';
import { ImportFileProblem, readFileRows, type FileRow, type ImportFileSource } from './import-file.ts';
import { StoredFileReadError } from './stored-file-reads.ts';
import { IMPORT_HANDLERS } from './import-kinds.ts';
import { loadImportLookups } from './import-lookups.ts';
import { columnsFor, RowReader } from './import-rows.ts';
import { SeenKeys } from './seen-keys.ts';
import { getImport, getSavedMapping, moveImport, problemItems, refusedItem, writeAll, type StoredImport } from './import-store.ts';

/** Problems listed for one check; beyond this the preview says how many more rows have problems. */
export const MAX_PROBLEMS_LISTED = 5_000;
/** Rows applied between checkpoints. */
export const DEFAULT_CHUNK_ROWS = 500;
/** Waits before each new try of a step whose read of the stored file failed; one more failure stops the pass. */
export const STORED_FILE_RETRY_WAITS_MS = [200, 1000] as const;

export interface ImportWorkOptions {
  chunkRows?: number;
  /** Stop (leaving the rest for the next pass) once this time (ms since 1970) has passed. */
  deadline?: number;
  /** Tests only: called after a chunk is applied and before its checkpoint is saved. */
  afterChunkApplied?: (chunk: number) => void | Promise<void>;
  /** Sign-in accounts, for staff files. */
  accounts?: SignInAccounts;
}

const zeroCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0, refused: 0 });

/** Does whatever the import's status asks next, until it waits for a person or is done. */
export async function workOnImport(tenant: TenantContext, id: string, file: () => Promise<ImportFileSource>, options: ImportWorkOptions = {}): Promise<void> {
  const stored = storedFile(file);
  let failedReads = 0;
  for (;;) {
    try {
      if (!(await workOnNextStep(tenant, id, stored, options))) return;
    } catch (error) {
      // Every step is safe to run again, so a step whose read failed is simply run again.
      if (!(error instanceof StoredFileReadError) || failedReads >= STORED_FILE_RETRY_WAITS_MS.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, STORED_FILE_RETRY_WAITS_MS[failedReads++]));
    }
  }
}

/** The next step the import's status asks for; false once it waits for a person, is done, or the pass should stop. */
async function workOnNextStep(tenant: TenantContext, id: string, file: () => Promise<ImportFileSource>, options: ImportWorkOptions): Promise<boolean> {
  const record = await getImport(tenant, id);
  if (!record) return false;
  if (options.deadline !== undefined && Date.now() > options.deadline) return false;
  if (record.status === 'reading') await readColumns(tenant, record, await file());
  else if (record.status === 'checking') await checkRows(tenant, record, await file());
  else if (record.status === 'importing') return applyRows(tenant, record, await file(), options);
  else return false;
  return true;
}

/** Finding the stored file (its size, from the object store) can fail like reading it. */
function storedFile(file: () => Promise<ImportFileSource>): () => Promise<ImportFileSource> {
  return async () => {
    try {
      return await file();
    } catch (error) {
      throw new StoredFileReadError('The stored file could not be found or its size read.', { cause: error });
    }
  };
}

async function refuse(tenant: TenantContext, record: StoredImport, from: StoredImport['status'], problem: ImportFileProblem) {
  await moveImport({ tenant, record, from: [from], changes: { status: 'refused', fileProblem: problem.message }, at: clock.nowIso() });
}

async function readColumns(tenant: TenantContext, record: StoredImport, file: ImportFileSource): Promise<void> {
  let headers: string[] | undefined;
  try {
    for await (const row of readFileRows(file, record.format)) {
      headers = row.cells.map((cell, i) => (typeof cell === 'string' && cell.trim() ? cell.trim() : `Column ${i + 1}`));
      break;
    }
  } catch (error) {
    if (error instanceof ImportFileProblem) return refuse(tenant, record, 'reading', error);
    throw error;
  }
  const saved = await getSavedMapping(tenant, record.kind, record.source);
  const mapping = suggestMapping(record.kind, record.source, headers ?? [], saved?.mapping);
  await moveImport({ tenant, record, from: ['reading'], changes: { status: 'mapping', headers, mapping }, at: clock.nowIso() });
}

interface CheckedRow {
  row: number;
  key?: string;
  /** The row's reference (or email) as written, for the refused rows' list. */
  shownAs?: string;
  value?: unknown;
  problems: ImportProblem[];
}

/** Every data row of the file, checked, with repeated keys found (the first row with a key wins). */
async function* checkedRows(tenant: TenantContext, record: StoredImport, file: ImportFileSource): AsyncGenerator<CheckedRow> {
  const handler = IMPORT_HANDLERS[record.kind];
  const lookups = await (handler.lookups ?? loadImportLookups)(tenant);
  const today = londonDate(clock.now());
  // Fixed in size, so what finds repeated keys does not grow with the file (seen-keys.ts).
  const seen = new SeenKeys();
  const firstField = IMPORT_FIELDS[record.kind][0]!.name;
  let columns: ReturnType<typeof columnsFor> | undefined;
  for await (const fileRow of readFileRows(file, record.format) as AsyncGenerator<FileRow>) {
    if (!columns) {
      columns = columnsFor(record.mapping ?? {}, record.headers ?? []);
      continue;
    }
    const reader = new RowReader(fileRow, columns);
    const checked = handler.check(reader, lookups, today);
    if (checked) {
      const first = seen.firstRow(checked.key, fileRow.row);
      if (first !== undefined) {
        reader.problem(firstField, handler.duplicate(checked.key, first));
        yield { row: fileRow.row, key: checked.key, shownAs: reader.asWritten(firstField), problems: reader.problems };
        continue;
      }
    }
    yield { row: fileRow.row, key: checked?.key, shownAs: reader.asWritten(firstField), value: checked?.value, problems: reader.problems };
  }
}

async function checkRows(tenant: TenantContext, record: StoredImport, file: ImportFileSource): Promise<void> {
  const wrongMapping = mappingProblems(record);
  if (wrongMapping.length) {
    await moveImport({ tenant, record, from: ['checking'], changes: { status: 'mapping', fileProblem: wrongMapping.join(' ') }, at: clock.nowIso() });
    return;
  }
  let rowsTotal = 0;
  let rowsWithProblems = 0;
  let listed = 0;
  let pending: ImportProblem[] = [];
  try {
    for await (const checked of checkedRows(tenant, record, file)) {
      rowsTotal++;
      if (!checked.problems.length) continue;
      rowsWithProblems++;
      if (listed >= MAX_PROBLEMS_LISTED) continue;
      const room = checked.problems.slice(0, MAX_PROBLEMS_LISTED - listed);
      listed += room.length;
      pending.push(...room);
      if (pending.length >= 100) {
        await writeAll(tenant, problemItems(tenant, record.id, record.attempt, pending));
        pending = [];
      }
    }
  } catch (error) {
    if (error instanceof ImportFileProblem) return refuse(tenant, record, 'checking', error);
    throw error;
  }
  await writeAll(tenant, problemItems(tenant, record.id, record.attempt, pending));
  const fileProblem = rowsTotal === 0 ? 'The file has a header row but no rows under it.' : undefined;
  await moveImport({ tenant, record, from: ['checking'], changes: { status: fileProblem ? 'refused' : 'checked', fileProblem, rowsTotal, rowsWithProblems, problemsListed: listed }, at: clock.nowIso() });
}

/** One pass of applying; false when it stopped before the end (deadline, or another pass moved the import on). */
async function applyRows(tenant: TenantContext, record: StoredImport, file: ImportFileSource, options: ImportWorkOptions): Promise<boolean> {
  const handler = IMPORT_HANDLERS[record.kind];
  const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
  let nextRow = record.checkpoint?.nextRow ?? 0;
  let counts = { ...zeroCounts(), ...record.counts };
  let rowsDone = record.rowsDone;
  let chunk: CheckedRow[] = [];
  let chunkNumber = 0;
  const startRow = nextRow;
  const at = record.acceptedAt ?? clock.nowIso();

  const flush = async (rows: CheckedRow[]): Promise<boolean> => {
    const good = rows.filter((r) => !r.problems.length);
    const outcomes = await handler.apply(
      { tenant, importId: record.id, at, actorId: record.acceptedBy ?? record.createdBy, accounts: options.accounts },
      good.map((r) => ({ row: r.row, value: r.value as never })),
    );
    // A row the apply step refused (a journey event out of order) is refused with its reason, like a row the check refused.
    good.forEach((r, i) => {
      const outcome = outcomes[i]!;
      if (typeof outcome === 'object') r.problems.push({ row: r.row, column: record.mapping?.[IMPORT_FIELDS[record.kind][0]!.name] ?? '', message: outcome.refused });
    });
    const refused = rows.filter((r) => r.problems.length);
    await writeAll(
      tenant,
      refused.map((r) => refusedItem(tenant, record.id, r.row, r.shownAs, r.problems)),
    );
    await options.afterChunkApplied?.(++chunkNumber);
    const added = zeroCounts();
    for (const o of outcomes) if (typeof o === 'string') added[o]++;
    added.refused = refused.length;
    const nextCounts = { created: counts.created + added.created, updated: counts.updated + added.updated, unchanged: counts.unchanged + added.unchanged, refused: counts.refused + added.refused };
    const last = rows[rows.length - 1]!.row;
    const moved = await moveImport({ tenant, record, from: ['importing'], atRow: nextRow, changes: { checkpoint: { nextRow: last + 1 }, counts: nextCounts, rowsDone: rowsDone + rows.length }, at: clock.nowIso() });
    if (!moved) return false;
    // New staff are counted as their records are written; cases in bulk here.
    if (added.created && record.kind === 'cases') await countInTenantSize(tenant, 'cases', added.created);
    counts = nextCounts;
    rowsDone += rows.length;
    nextRow = last + 1;
    record = { ...record, checkpoint: { nextRow } };
    return options.deadline === undefined || Date.now() < options.deadline;
  };

  // The next chunk is read and checked while this one is written, so the file and the database
  // are worked on at once; chunks are still applied and checkpointed strictly one after another.
  let writing: Promise<boolean> | undefined;
  const written = async (): Promise<boolean> => {
    const pending = writing;
    writing = undefined;
    return pending ? pending : true;
  };
  try {
    for await (const checked of checkedRows(tenant, record, file)) {
      if (checked.row < startRow) continue;
      chunk.push(checked);
      if (chunk.length < chunkRows) continue;
      if (!(await written())) return false;
      writing = flush(chunk);
      // Its failure is awaited (and thrown) before the next chunk starts or the pass ends.
      writing.catch(() => undefined);
      chunk = [];
    }
    if (!(await written())) return false;
    if (chunk.length && !(await flush(chunk))) return false;
  } finally {
    // Whatever stopped the pass, nothing is still being written once it has ended.
    await writing?.catch(() => undefined);
  }
  const finishedAt = clock.nowIso();
  const done = await moveImport({ tenant, record, from: ['importing'], atRow: nextRow, changes: { status: 'done', finishedAt }, at: finishedAt });
  if (done) {
    await recordActivity({
      tenant,
      actor: { userId: record.acceptedBy ?? record.createdBy },
      action: 'created',
      entity: 'import',
      entityId: record.id,
      versionBefore: null,
      versionAfter: 1,
      at: finishedAt,
      changes: Object.entries(counts).map(([k, n]) => `${k}:${n}`),
    });
  }
  return done;
}
