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

const require = createRequire(import.meta.url);

export interface LocalDatabase {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/** The worker's whole program: start dynalite, say which port it got, close when asked. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const dynalite = require(workerData.dynalite);
const server = dynalite(workerData.options);
server.once('error', (error) => parentPort.postMessage({ error: error.message }));
server.listen(workerData.port, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  server.close(() => parentPort.postMessage({ closed: true }));
  server.closeAllConnections();
});
`;

export async function startLocalDatabase(options: { path?: string; port?: number } = {}): Promise<LocalDatabase> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      dynalite: require.resolve('dynalite'),
      options: { path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 },
      port: options.port ?? 0,
    },
  });
  const reply = (): Promise<{ port?: number; error?: string; closed?: boolean }> =>
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
    close: () =>
      (closing ??= (async () => {
        const closed = reply();
        worker.postMessage('close');
        await closed.catch(() => undefined);
        await worker.terminate();
      })()),
  };
}
