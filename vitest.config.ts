import { defineConfig } from 'vitest/config';

/**
 * One run covers every suite but the bench: unit tests beside the code, cross-cutting suites in test/.
 * The suites that start a Waypoint run without module isolation, so a worker keeps its stacks and
 * its chromium from one file to the next (test/support/stack.ts says what that means for a file).
 * Timeouts are there to end a hang, not to judge speed: a busy machine is slow, not broken. A browser
 * test may walk twenty pages with axe on each (or axe one page of 12,000 elements, the API reference),
 * which took up to 175 s with a load average of 16 on 2 cores, so browser tests get 8 minutes.
 */
/**
 * Unit test files run one after another in a worker without module isolation: loading their
 * imports afresh for every file (aws-cdk-lib above all) was most of their CPU, 72 s against 31 s
 * without it. So a unit test puts back what it changes (process.env, spies, fake timers) itself.
 */
const UNIT = ['shared/src/**/*.test.ts', 'functions/src/**/*.test.ts', 'portal/src/**/*.test.ts', 'infra/**/*.test.ts'];
const API = ['test/api/**/*.test.ts', 'test/isolation/**/*.test.ts', 'test/faults/**/*.test.ts', 'test/lambda/**/*.test.ts'];
/** Everything that needs chromium, so `npm run test:quick` (unit and api) starts no browser. */
const BROWSER = ['test/browser/**/*.test.ts'];

const EVERY_PROJECT = {
  exclude: ['**/node_modules/**', 'test/bench/**'],
  testTimeout: 180_000,
  hookTimeout: 300_000,
  env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LOG_LEVEL: 'SILENT' },
};
/** The suites that start stacks seed the demo data once for the run (test/support/global-seed.ts). */
const WITH_STACKS = { ...EVERY_PROJECT, isolate: false, globalSetup: ['test/support/global-seed.ts'] };

export default defineConfig({
  test: {
    fileParallelism: true,
    maxWorkers: 2,
    projects: [{ test: { ...EVERY_PROJECT, name: 'unit', include: UNIT, isolate: false } }, { test: { ...WITH_STACKS, name: 'api', include: API } }, { test: { ...WITH_STACKS, name: 'browser', include: BROWSER, testTimeout: 480_000 } }],
  },
});
