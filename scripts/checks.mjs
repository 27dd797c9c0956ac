#!/usr/bin/env node
/**
 * The checks `npm test` runs before any test: formatting, lint, types (tsc and svelte-check) and
 * the portal's build (the suites start the built portal). Each is one single-threaded tool, so
 * they run side by side, as many at a time as the machine has cores: on 2 cores that halves
 * their time. Lint and the build start first: lint is the longest (about 40 s of one core, idle),
 * and svelte-check waits for the build; formatting first left lint to run alone for its last
 * 16 s, and lint and formatting first left svelte-check alone at the end. The first check to
 * fail stops the others and the run, and its output is printed whole; a check that passes
 * prints one line.
 *
 * SvelteKit writes its generated types once (`svelte-kit sync`); the build writes them again
 * (Vite's SvelteKit plugin always does), so svelte-check and the build never run at the same
 * time: svelte-check must not read a file the build is rewriting.
 *
 * Both type checks use TypeScript 7 (native) with one checker: its default of several checkers
 * each redo the work they share, for nearly twice the CPU and, on 2 busy cores, no sooner an end.
 * Formatting parses TypeScript files with the Oxc parser (`.prettierrc.json`), which prints the
 * same as Prettier's TypeScript parser on every file here in about a quarter less CPU.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const portal = join(root, 'portal');
const cache = join(root, 'node_modules', '.cache');

/** In the order they start; `after` names checks that must have finished first. */
const CHECKS = [
  { name: 'lint', cwd: root, command: ['eslint', '--cache', '--cache-location', `${cache}/eslint/`, '.'] },
  { name: 'build', cwd: portal, command: ['vite', 'build', '--logLevel', 'warn'] },
  { name: 'format', cwd: root, command: ['prettier', '--check', '--cache', '--log-level=warn', '.'] },
  // The build has just written SvelteKit's generated types, so svelte-check needs no sync of its own. With
  // `--tsgo` it writes each component out as TypeScript (under .svelte-kit) for TypeScript 7 to check, in a
  // third of the CPU its TypeScript 6 language service took; Svelte's own compiler still checks every component.
  // A component Svelte cannot parse is left out of that TypeScript check, but lint and formatting fail on it.
  { name: 'svelte-check', cwd: portal, after: ['build'], command: ['svelte-check', '--tsconfig', './tsconfig.check.json', '--tsgo', '--threshold', 'error', '--output', 'human'] },
  // TypeScript 7 checks everything but the portal in about a quarter of TypeScript 6's CPU; svelte-check checks the portal.
  { name: 'types', cwd: root, command: ['node', join(root, 'node_modules', '@typescript', 'native', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit', '--singleThreaded', '--incremental', '--tsBuildInfoFile', `${cache}/tsc-native/tsconfig.tsbuildinfo`] },
];

const env = { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0', PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter) };
const slots = Math.max(2, availableParallelism());
const started = Date.now();
const running = new Map();
const done = new Set();
const waiting = [...CHECKS];
let failed = false;

const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

function startWhatCan() {
  for (const check of [...waiting]) {
    if (failed || running.size >= slots) return;
    if (!(check.after ?? []).every((name) => done.has(name))) continue;
    waiting.splice(waiting.indexOf(check), 1);
    run(check);
  }
  if (!failed && running.size === 0 && waiting.length === 0) {
    console.log(`checks passed in ${seconds(started)}`);
  }
}

function run(check) {
  const since = Date.now();
  // Its own process group, so stopping it stops whatever it started too.
  const child = spawn(check.command[0], check.command.slice(1), { cwd: check.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  running.set(check.name, child);
  child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
  child.on('close', (code, signal) => {
    running.delete(check.name);
    if (failed) return;
    if (code === 0) {
      done.add(check.name);
      console.log(`ok     ${check.name} (${seconds(since)})`);
      startWhatCan();
      return;
    }
    failed = true;
    process.stdout.write(Buffer.concat(output));
    console.log(`FAILED ${check.name} (${signal ?? `exit ${code}`}, ${seconds(since)}): ${check.command.join(' ')}`);
    stopTheRest();
    process.exitCode = 1;
  });
}

function stopTheRest() {
  for (const [name, child] of running) {
    try {
      process.kill(-child.pid, 'SIGTERM');
      console.log(`stopped ${name}`);
    } catch {
      // Already gone.
    }
  }
}

// Ctrl-C stops every check, not just this script.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    failed = true;
    stopTheRest();
    process.exit(1);
  });
}

console.log(`checks: ${CHECKS.map((c) => c.name).join(', ')} (${slots} at a time)`);
startWhatCan();
