/**
 * The list's sustained-load figures as a deployed casework Lambda instance serves them: in a
 * process that holds only the casework function (as casework-process.ts does for the reads),
 * served over HTTP by the same server the local API uses, so that its heap, garbage and event
 * loop carry that function alone, not the rest of the bench (the stack's API with every group
 * of routes, the identity provider, what the earlier figures left behind). The raw SDK Query
 * the list is divided by is sent from this process too, by a client of its own configured as
 * the API's, and the bare hello route is served from here, so each side of each ratio runs on
 * the same kind of thread. dynalite runs in a process of its own (load.ts), autocannon in a
 * worker of its own in the bench's process. Started by load.ts with `fork`.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { createDocumentClient } from '@waypoint/functions/platform/database/clients';
import { caseworkSurroundings, REGION } from './casework-surroundings.ts';
import { caseworkApp } from './lambda-invoke.ts';
import { rawQueryLoad, type ListLoadMessage, type ListLoadRequest } from './load.ts';

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<string> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

const answer = (message: ListLoadMessage, then: () => void = () => undefined) => process.send!(message, then);
let started: ListLoadRequest | undefined;

async function handle(message: { start?: ListLoadRequest; raw?: true }): Promise<void> {
  if (message.start) {
    started = message.start;
    // As the local server serves the API (local-stack.ts), with the casework group's routes only.
    const app = caseworkApp(caseworkSurroundings(started), { clientAddress: (c) => getConnInfo(c).remote.address });
    const apiUrl = await listen(app.fetch);
    const helloUrl = await listen(new Hono().get('/hello', (c) => c.text('hello')).fetch);
    answer({ apiUrl, helloUrl: `${helloUrl}/hello` });
  } else if (message.raw && started) {
    const raw = await rawQueryLoad(createDocumentClient({ endpoint: started.databaseEndpoint, region: REGION }), started.tableName, started.tenantId);
    answer({ raw }, () => process.exit(0));
  }
}

process.on('message', (message: { start?: ListLoadRequest; raw?: true }) => {
  handle(message).catch((error: unknown) => answer({ error: String((error as Error)?.stack ?? error) }, () => process.exit(1)));
});
