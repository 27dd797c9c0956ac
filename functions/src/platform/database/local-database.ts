/**
 * dynalite, the local DynamoDB: on disk under `.data/` for `npm start`, in memory for tests.
 * It speaks the DynamoDB wire protocol, so the real AWS SDK talks to it unchanged.
 *
 * It runs in a worker thread of its own: the database then has its own event loop and heap,
 * as it would on another machine, and the API's event loop (and garbage) carries only the
 * API. A worker rather than a child process starts in a fraction of the time and cannot
 * outlive the process that started it.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { tableDefinition } from '@waypoint/shared/table/table-definition';

const require = createRequire(import.meta.url);

export interface LocalDatabase {
  endpoint: string;
  port: number;
  close(): Promise<void>;
  /**
   * With `trackWrites`: the key of every item written since the last call (put, update, delete,
   * batch write; not a refused one), once each.
   * Requests with an `x-waypoint-untracked` header are not noted.
   */
  writtenKeys(): Promise<WrittenKey[]>;
}

/** An item's key as a write named it: its table and its key attributes, as DynamoDB's JSON. */
export interface WrittenKey {
  table: string;
  key: Record<string, { S?: string; N?: string; B?: string }>;
}

/** The worker's whole program: start dynalite, say which port it got, close when asked. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const dynalite = require(workerData.dynalite);
const server = dynalite(workerData.options);
server.once('error', (error) => parentPort.postMessage({ error: error.message }));
server.listen(workerData.port, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
// The keys writes name, read from each write request's body beside dynalite (test stacks only).
const written = new Map();
if (workerData.trackWrites) {
  const [pk, sk] = workerData.keyNames;
  const note = (table, item) => {
    if (!item || !item[pk]) return;
    const key = { [pk]: item[pk], ...(item[sk] ? { [sk]: item[sk] } : {}) };
    written.set(JSON.stringify([table, key]), { table, key });
  };
  const NOTES = {
    PutItem: (body) => note(body.TableName, body.Item),
    UpdateItem: (body) => note(body.TableName, body.Key),
    DeleteItem: (body) => note(body.TableName, body.Key),
    BatchWriteItem: (body) => {
      for (const [table, requests] of Object.entries(body.RequestItems || {})) for (const r of requests) note(table, r.PutRequest ? r.PutRequest.Item : r.DeleteRequest && r.DeleteRequest.Key);
    },
  };
  server.prependListener('request', (req, res) => {
    // What a test stack writes to put its data back is not a change to put back.
    if (req.headers['x-waypoint-untracked']) return;
    const noteOf = NOTES[String(req.headers['x-amz-target'] || '').split('.')[1]];
    if (!noteOf) return;
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    // A refused write (a failed condition, a bad request) changed nothing; one cut off before its answer may have.
    res.once('close', () => {
      if (res.statusCode !== 200) return;
      try {
        noteOf(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        // dynalite answers a body it cannot read; nothing was written.
      }
    });
  });
}
parentPort.on('message', (message) => {
  if (message === 'written') {
    parentPort.postMessage({ written: [...written.values()] });
    written.clear();
    return;
  }
  if (message !== 'close') return;
  server.close(() => parentPort.postMessage({ closed: true }));
  server.closeAllConnections();
});
`;

export async function startLocalDatabase(options: { path?: string; port?: number; /** Note the key of every write, for `writtenKeys()`. */ trackWrites?: boolean } = {}): Promise<LocalDatabase> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      dynalite: require.resolve('dynalite'),
      options: { path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 },
      port: options.port ?? 0,
      trackWrites: options.trackWrites ?? false,
      keyNames: [tableDefinition.partitionKey, tableDefinition.sortKey],
    },
  });
  const reply = (): Promise<{ port?: number; error?: string; closed?: boolean; written?: WrittenKey[] }> =>
    new Promise((resolve, reject) => {
      const failed = (error: Error) => {
        worker.off('message', resolve);
        reject(error);
      };
      worker.once('message', (message) => {
        worker.off('error', failed);
        resolve(message);
      });
      worker.once('error', failed);
    });
  const started = await reply().catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  if (started.port === undefined) {
    await worker.terminate();
    throw new Error(`dynalite did not start: ${started.error}`);
  }
  const port = started.port;
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    writtenKeys: async () => {
      if (!options.trackWrites) throw new Error('This database was started without trackWrites.');
      const answer = reply();
      worker.postMessage('written');
      return (await answer).written ?? [];
    },
    close: () =>
      (closing ??= (async () => {
        const closed = reply();
        worker.postMessage('close');
        await closed.catch(() => undefined);
        await worker.terminate();
      })()),
  };
}
