/**
 * The bench's Lambda figures: the API, jobs and imports functions bundled exactly as CDK bundles them
 * (the esbuild options in infra/config/lambda-bundle.ts), weighed, and the API's cold start
 * timed by starting node on the bundle again and again.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { lambdaBundleOptions } from '../../infra/config/lambda-bundle.ts';
import { API_MEMORY_MB } from '../../infra/api/api-functions.ts';
import { lambdaNodeFlags } from '../../infra/config/lambda-node-flags.ts';
import { apiEntryPoint, ENTRY_POINTS } from '../../infra/config/paths.ts';
import type { ApiGroup } from '@waypoint/functions/api/api-groups';
import { percentile } from './measure.ts';

/** Inside the repository's node_modules, so the bundle finds the AWS SDK as Lambda's runtime provides it. */
const OUT = fileURLToPath(new URL('../../node_modules/.cache/waypoint-bench/', import.meta.url));

export interface BuiltBundle {
  file: string;
  /** The minified JavaScript, without its source map. */
  kb: number;
}

/** The jobs function, the imports function, or the API function of one group of routes. */
export async function bundleFunction(name: 'jobs' | 'imports' | `api-${ApiGroup}`): Promise<BuiltBundle> {
  const dir = path.join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // CommonJS, as node-function.ts builds these functions; CDK names the file index.js then.
  const file = path.join(dir, 'index.js');
  const result = await build({ ...lambdaBundleOptions('cjs'), entryPoints: [name === 'jobs' || name === 'imports' ? ENTRY_POINTS[name] : apiEntryPoint(name.slice(4) as ApiGroup)], outfile: file, metafile: true, logLevel: 'warning' });
  const bytes = Object.entries(result.metafile.outputs).find(([output]) => output.endsWith('index.js'))![1].bytes;
  return { file, kb: bytes / 1024 };
}

/** What the API function's environment holds in AWS (names and shapes, not real values). */
const LAMBDA_ENV = {
  AWS_LAMBDA_FUNCTION_NAME: 'bench-api',
  AWS_REGION: 'eu-west-2',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SESSION_TOKEN: 'bench',
  TABLE_NAME: 'waypoint',
  OIDC_ISSUER: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_bench',
  API_AUDIENCE: 'bench-client',
  USER_POOL_ID: 'eu-west-2_bench',
  TENANT_DATA_ROLE_ARN: 'arn:aws:iam::123456789012:role/bench-tenant-data',
  PLATFORM_DATA_ROLE_ARN: 'arn:aws:iam::123456789012:role/bench-platform-data',
  ENGAGEMENT_SESSION_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:bench',
  PORTAL_URL: 'https://waypoint.bench.example',
  SERVICE_NAME: 'waypoint-api',
  LOG_LEVEL: 'WARN',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** What Lambda's bootstrap starts node with for the API functions' memory size. */
const LAMBDA_NODE_FLAGS = lambdaNodeFlags(API_MEMORY_MB);

/** Requires the bundle as Lambda's runtime loads a CommonJS handler (or nothing, for bare node), checks the handler is there, and reports the process's CPU time so far. */
const READY = `
const file = process.argv[1];
if (file) {
  const { handler } = require(file);
  if (typeof handler !== 'function') throw new Error('no handler');
}
const { user, system } = process.cpuUsage();
process.stdout.write(JSON.stringify({ cpuMs: (user + system) / 1000 }));
`;

/** One cold start: wall time from spawn to exit, and the CPU the process used until its handler was ready. */
function coldStart(file: string | undefined): Promise<{ wallMs: number; cpuMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...LAMBDA_NODE_FLAGS, '-e', READY, ...(file ? [file] : [])], {
      env: { PATH: process.env.PATH, ...LAMBDA_ENV, ...(file ? { LAMBDA_TASK_ROOT: path.dirname(file) } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`cold start exited ${code}: ${err.slice(0, 500)}`));
      resolve({ wallMs, cpuMs: (JSON.parse(out) as { cpuMs: number }).cpuMs });
    });
  });
}

/**
 * Median CPU and wall time of `starts` cold starts of the bundle, minus bare node started the
 * same way, interleaved so the machine's load falls on both alike. CPU is the figure: it is
 * what a cold start costs whatever else the machine is doing.
 */
export async function coldStartOverNode(file: string, starts = 15): Promise<{ cpuMs: number; wallMs: number }> {
  const bundle: { wallMs: number; cpuMs: number }[] = [];
  const bare: { wallMs: number; cpuMs: number }[] = [];
  await coldStart(file); // the first read of the files from disk is not a Lambda cold start
  for (let n = 0; n < starts; n++) {
    bundle.push(await coldStart(file));
    bare.push(await coldStart(undefined));
  }
  const median = (samples: { wallMs: number; cpuMs: number }[], key: 'wallMs' | 'cpuMs') =>
    percentile(
      samples.map((s) => s[key]),
      50,
    );
  return { cpuMs: median(bundle, 'cpuMs') - median(bare, 'cpuMs'), wallMs: median(bundle, 'wallMs') - median(bare, 'wallMs') };
}
