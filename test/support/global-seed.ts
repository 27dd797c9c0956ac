/**
 * vitest's global setup for the suites that start stacks: seeds the demo data once, before any
 * of their files run, and tells the workers where the copy is (`inject('demoSeedSnapshot')`,
 * read by stack.ts). Both projects that use it share one copy: the setup runs in vitest's own
 * process, once per project.
 */
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEMO_PASSWORD } from '@waypoint/functions/local/identity/demo-password';
import { localPortalUrl } from '@waypoint/functions/local/local-portal-url';
import { writeSeedSnapshot } from './seed-snapshot.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The file holding the demo data as seeded (seed-snapshot.ts). */
    demoSeedSnapshot: string;
  }
}

const KEY = Symbol.for('waypoint.demoSeedSnapshot');
type Holder = { [KEY]?: Promise<string> };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const holder = globalThis as Holder;
  const path = join(tmpdir(), `waypoint-demo-seed-${process.pid}.json`);
  holder[KEY] ??= writeSeedSnapshot(path, { password: process.env.WAYPOINT_DEMO_PASSWORD || DEMO_PASSWORD, portalUrl: localPortalUrl() }).then(() => path);
  project.provide('demoSeedSnapshot', await holder[KEY]);
  return async () => {
    delete holder[KEY];
    await rm(path, { force: true });
  };
}
