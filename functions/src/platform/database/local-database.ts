/**
 * dynalite, the local DynamoDB: on disk under `.data/` for `npm start`, in memory for tests.
 * It speaks the DynamoDB wire protocol, so the real AWS SDK talks to it unchanged.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;

export interface LocalDatabase {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

export async function startLocalDatabase(options: { path?: string; port?: number } = {}): Promise<LocalDatabase> {
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}
