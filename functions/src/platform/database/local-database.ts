/**
 * dynalite, the local DynamoDB: on disk under `.data/` for `npm start`, in memory for tests.
 * It speaks the DynamoDB wire protocol, so the real AWS SDK talks to it unchanged.
 *
 * It runs in a worker thread of its own: the database then has its own event loop and heap,
 * as it would on another machine, and the API's event loop (and garbage) carries only the
 * API. A worker rather than a child process starts in a fraction of the time and cannot
 * outlive the process that started it. With `ownProcess` it runs in a child process instead,
 * with node flags of its own: a worker's young generation follows its process's
 * `--max-semi-space-size` whatever its `resourceLimits` say, so only a process of its own gives
 * the database garbage collection set apart from the API's (the bench's sustained load).
 */
import { spawn } from 'node:child_process';
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
const threads = require('node:worker_threads');
// In a child process, the same data comes in its environment and messages over its IPC channel;
// it goes when the process that started it does.
const workerData = threads.parentPort ? threads.workerData : JSON.parse(process.env.WAYPOINT_DYNALITE);
const parentPort = threads.parentPort || { postMessage: (message) => process.send(message), on: (event, listener) => process.on(event, listener) };
if (!threads.parentPort) process.on('disconnect', () => process.exit(0));
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

export interface LocalDatabaseOptions {
  path?: string;
  port?: number;
  /** Note the key of every write, for `writtenKeys()`. */
  trackWrites?: boolean;
  /** Run dynalite in a child process of its own started with these node flags, rather than in a worker thread. */
  ownProcess?: { nodeFlags: string[] };
}

type Reply = { port?: number; error?: string; closed?: boolean; written?: WrittenKey[] };

/** Where dynalite runs: a worker thread or a child process, spoken to alike. */
interface DatabaseRunner {
  /** The next message it sends, or the failure that ended it first. */
  reply(): Promise<Reply>;
  send(message: 'written' | 'close'): void;
  stop(): Promise<void>;
}

function inWorker(workerData: unknown): DatabaseRunner {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
  return {
    reply: () =>
      new Promise((resolve, reject) => {
        const answered = (message: Reply) => {
          worker.off('error', failed);
          resolve(message);
        };
        const failed = (error: Error) => {
          worker.off('message', answered);
          reject(error);
        };
        worker.once('message', answered);
        worker.once('error', failed);
      }),
    send: (message) => worker.postMessage(message),
    stop: async () => {
      await worker.terminate();
    },
  };
}

function inChildProcess(workerData: unknown, nodeFlags: string[]): DatabaseRunner {
  const child = spawn(process.execPath, [...nodeFlags, '-e', WORKER_SOURCE], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, WAYPOINT_DYNALITE: JSON.stringify(workerData) } });
  const running = () => child.exitCode === null && child.signalCode === null;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    reply: () =>
      new Promise((resolve, reject) => {
        if (!running()) return reject(new Error(`dynalite's process has exited (${child.exitCode ?? child.signalCode})`));
        const settle = () => {
          child.off('message', answered);
          child.off('error', failed);
          child.off('exit', ended);
        };
        const answered = (message: Reply) => {
          settle();
          resolve(message);
        };
        const failed = (error: Error) => {
          settle();
          reject(error);
        };
        const ended = (code: number | null, signal: string | null) => failed(new Error(`dynalite's process exited (${code ?? signal})`));
        child.on('message', answered);
        child.on('error', failed);
        child.on('exit', ended);
      }),
    send: (message) => {
      if (child.connected) child.send(message);
    },
    stop: async () => {
      if (running()) child.kill();
      await exited;
    },
  };
}

export async function startLocalDatabase(options: LocalDatabaseOptions = {}): Promise<LocalDatabase> {
  const workerData = {
    dynalite: require.resolve('dynalite'),
    options: { path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 },
    port: options.port ?? 0,
    trackWrites: options.trackWrites ?? false,
    keyNames: [tableDefinition.partitionKey, tableDefinition.sortKey],
  };
  const runner = options.ownProcess ? inChildProcess(workerData, options.ownProcess.nodeFlags) : inWorker(workerData);
  const started = await runner.reply().catch(async (error: unknown) => {
    await runner.stop();
    throw error;
  });
  if (started.port === undefined) {
    await runner.stop();
    throw new Error(`dynalite did not start: ${started.error}`);
  }
  const port = started.port;
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    writtenKeys: async () => {
      if (!options.trackWrites) throw new Error('This database was started without trackWrites.');
      const answer = runner.reply();
      runner.send('written');
      return (await answer).written ?? [];
    },
    close: () =>
      (closing ??= (async () => {
        const closed = runner.reply();
        runner.send('close');
        await closed.catch(() => undefined);
        await runner.stop();
      })()),
  };
}
