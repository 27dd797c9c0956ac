/**
 * How every Waypoint Lambda is bundled, as esbuild options. node-function.ts hands them to
 * NodejsFunction; the bench (test/bench/lambda-bundle.ts) bundles with the same objects, so
 * the size and start-up time it reports are those of what CDK deploys. No CDK imports here.
 *
 * - The AWS SDK is not bundled: the Node.js Lambda runtime ships SDK v3, and leaving it out
 *   keeps the bundle to our own code and the few libraries the runtime lacks (Hono, jose,
 *   valibot, Powertools). Locally and in tests the version package-lock.json pins is used.
 * - Our own functions are CommonJS: the runtime's SDK is CommonJS, and `require` loads it for
 *   about half the CPU that importing it into an ES module costs (Node then scans every
 *   CommonJS file it imports for its exports). The portal's SvelteKit server stays ESM.
 * - Source maps are written beside the bundle but not loaded at start (no
 *   `--enable-source-maps`, which made every cold start parse a multi-megabyte map). A stack
 *   trace from the logs is mapped with the `.map` of the same asset.
 * - UTF-8 output: text in other languages stays as written rather than as `\u` escapes.
 */
export const LAMBDA_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: true,
  charset: 'utf8',
  legalComments: 'none',
  external: ['@aws-sdk/*'],
} as const;

export type BundleFormat = 'cjs' | 'esm';

/** ESM bundles still meet CommonJS dependencies that call `require`; give them one. */
export const ESM_REQUIRE_SHIM = "import { createRequire as __waypointCreateRequire } from 'node:module'; const require = __waypointCreateRequire(import.meta.url);";

/** The whole esbuild option set for one format, as the bench uses it. */
export function lambdaBundleOptions(format: BundleFormat) {
  return {
    ...LAMBDA_BUNDLE,
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    external: [...LAMBDA_BUNDLE.external],
    format,
    ...(format === 'esm' ? { banner: { js: ESM_REQUIRE_SHIM } } : {}),
  };
}

/** What the API function writes beside its bundle: its OpenAPI document and reference page. Run from the repository root. */
export function apiAfterBundling(outputDir: string): string[] {
  return [`npx tsx functions/src/openapi/write-openapi.ts "${outputDir}"`];
}

/**
 * What the function serving evidence files writes beside its bundle: file-type (ESM only),
 * loaded on first use from there (functions/src/files/file-kinds.ts), so the bundle leaves it out.
 */
export function fileTypeAfterBundling(outputDir: string): string[] {
  return [`npx esbuild functions/src/files/file-type-module.ts --bundle --platform=node --format=esm --minify --legal-comments=none --outfile="${outputDir}/file-type.mjs"`];
}
