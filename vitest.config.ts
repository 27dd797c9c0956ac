import { defineConfig } from 'vitest/config';

// One run covers every suite but the bench: unit tests beside the code, cross-cutting suites in test/.
export default defineConfig({
  test: {
    include: ['shared/src/**/*.test.ts', 'functions/src/**/*.test.ts', 'portal/src/**/*.test.ts', 'infra/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/bench/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'SILENT' },
  },
});
