/**
 * Finds the portal's svelte-kit-sst build (`server/`, `client/`, `prerendered/`) or, when there
 * is none, the clearly-marked placeholder, so that `cdk synth` works from a fresh clone
 * without building the portal, and a deployment can insist on the real thing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PLACEHOLDER_DIR = fileURLToPath(new URL('./placeholder', import.meta.url));

/** CloudFront allows 25 cache behaviours; the default and `/_app/*` take two. */
export const MAX_STATIC_BEHAVIOURS = 20;

export interface PortalBuild {
  kind: 'built' | 'placeholder';
  /** The Lambda entry point exporting `handler`. */
  serverEntry: string;
  /** Uploaded to the assets bucket; `_app/` holds the hashed, immutable bundles. */
  clientDir: string;
  /** Pre-rendered pages the handler reads from `./prerendered` beside itself, if any. */
  prerenderedDir: string | undefined;
  /** Top-level files and folders of `client/` besides `_app` (favicon, robots.txt). */
  staticEntries: { name: string; isDirectory: boolean }[];
}

export class PortalBuildMissingError extends Error {
  constructor(buildDir: string) {
    super(`No portal build at ${buildDir}. Build it first: PORTAL_ADAPTER=lambda npm run build -w portal ` + '(or leave out -c requirePortalBuild=true to package the placeholder portal).');
    this.name = 'PortalBuildMissingError';
  }
}

function staticEntries(clientDir: string): PortalBuild['staticEntries'] {
  return fs
    .readdirSync(clientDir, { withFileTypes: true })
    .filter((entry) => entry.name !== '_app')
    .map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function locatePortalBuild(buildDir: string, options: { required: boolean }): PortalBuild {
  const serverEntry = path.join(buildDir, 'server', 'lambda-handler', 'index.js');
  const clientDir = path.join(buildDir, 'client');
  if (fs.existsSync(serverEntry) && fs.existsSync(clientDir)) {
    const prerenderedDir = path.join(buildDir, 'prerendered');
    const entries = staticEntries(clientDir);
    if (entries.length > MAX_STATIC_BEHAVIOURS) {
      throw new Error(`The portal has ${entries.length} top-level static files; move them under a folder in portal/static`);
    }
    return {
      kind: 'built',
      serverEntry,
      clientDir,
      prerenderedDir: fs.existsSync(prerenderedDir) && fs.readdirSync(prerenderedDir).length > 0 ? prerenderedDir : undefined,
      staticEntries: entries,
    };
  }
  if (options.required) throw new PortalBuildMissingError(buildDir);
  return {
    kind: 'placeholder',
    serverEntry: path.join(PLACEHOLDER_DIR, 'placeholder-handler.ts'),
    clientDir: path.join(PLACEHOLDER_DIR, 'client'),
    prerenderedDir: undefined,
    staticEntries: [],
  };
}
