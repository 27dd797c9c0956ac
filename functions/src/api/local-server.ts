/** Serves the API over HTTP on one machine (npm start and the test suites). */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import type { ApiDependencies } from './dependencies.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startApiServer(options: { port: number; deps: ApiDependencies }): Promise<RunningServer> {
  const app = createApp(options.deps);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
