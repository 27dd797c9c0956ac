/**
 * Guards on what each API function (and the jobs and imports functions) loads at a cold start, read from esbuild's metafile of the
 * bundle exactly as CDK builds it (no timing): AWS SDK clients other than DynamoDB are loaded on
 * first use, never by the import path every request takes; no source-map support is bundled and
 * the map is a file beside the bundle, never inline; and the bundle stays within its budget.
 */
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { lambdaBundleOptions } from './lambda-bundle.ts';
import { API_GROUPS, type ApiGroup } from '../../functions/src/api/api-groups.ts';
import { apiEntryPoint, ENTRY_POINTS } from './paths.ts';

/**
 * `lambda_api_bundle_kb` in `npm run bench` (the largest of the API's functions) is held to
 * 400 KB. One function for the whole API reached 447 KB; split by capability group
 * (functions/src/api/api-groups.ts) the largest, casework, was 328 KB. A route added to a group
 * that takes it over 400 belongs in another group, or a new one.
 */
const API_BUNDLE_BUDGET_KB = 400;
/** The SDK packages every request needs; the runtime provides them, so they are required at start. */
const HOT_SDK_PACKAGES = new Set(['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb']);

const built = new Map<ApiGroup, { metafile: Metafile; code: string; warnings: string[] }>();

beforeAll(async () => {
  await Promise.all(
    API_GROUPS.map(async (group) => {
      const result = await build({ ...lambdaBundleOptions('cjs'), entryPoints: [apiEntryPoint(group)], outfile: `api-${group}/index.js`, write: false, metafile: true, logLevel: 'silent' });
      built.set(group, { metafile: result.metafile, code: result.outputFiles.find((file) => file.path.endsWith('index.js'))!.text, warnings: result.warnings.map((w) => `${w.location?.file ?? ''}: ${w.text}`) });
    }),
  );
});

/** Every import of an external AWS SDK package, with how it is imported and from where. */
function sdkImports(metafile: Metafile) {
  return Object.entries(metafile.inputs).flatMap(([from, input]) => input.imports.filter((i) => i.external && i.path.startsWith('@aws-sdk/')).map((i) => ({ from, path: i.path, kind: i.kind })));
}

describe.each(API_GROUPS)('the API bundle of the %s routes', (group) => {
  it('requires only the DynamoDB clients at start; Cognito, Secrets Manager, STS and any other SDK client load on first use', () => {
    const imports = sdkImports(built.get(group)!.metafile);
    expect(imports.some((i) => i.path === '@aws-sdk/client-dynamodb')).toBe(true);
    const loadedAtStart = imports.filter((i) => !HOT_SDK_PACKAGES.has(i.path.replace(/^(@aws-sdk\/[^/]+).*$/, '$1')) && i.kind !== 'dynamic-import');
    expect(loadedAtStart, 'load these with `await import(...)` where they are used').toEqual([]);
  });

  it('leaves file-type out (it is loaded on first use from file-type.mjs, written beside the bundle)', () => {
    expect(Object.keys(built.get(group)!.metafile.inputs).filter((path) => /node_modules\/(file-type|strtok3)\//.test(path))).toEqual([]);
  });

  it('bundles no source-map support and keeps the map in a file of its own', () => {
    const { metafile, code } = built.get(group)!;
    const sourceMapSupport = Object.keys(metafile.inputs).filter((path) => /node_modules\/(@[^/]+\/)?source-map/.test(path));
    expect(sourceMapSupport).toEqual([]);
    expect(code).not.toContain('sourceMappingURL=data:');
    expect(code).not.toMatch(/setSourceMapsEnabled|enable-source-maps/);
    expect(Object.keys(metafile.outputs).some((path) => path.endsWith('index.js.map'))).toBe(true);
  });

  it('bundles without warnings (`import.meta` in a CommonJS bundle is empty, and the function would fail at its cold start)', () => {
    expect(built.get(group)!.warnings).toEqual([]);
  });

  it(`stays within its budget of ${API_BUNDLE_BUDGET_KB} KB`, () => {
    const [, output] = Object.entries(built.get(group)!.metafile.outputs).find(([path]) => path.endsWith('index.js'))!;
    expect(output.bytes / 1024).toBeLessThanOrEqual(API_BUNDLE_BUDGET_KB);
  });
});

describe('the API bundles', () => {
  it('load Cognito on first use where they use it', () => {
    const lazily = [...built.values()].flatMap(({ metafile }) =>
      sdkImports(metafile)
        .filter((i) => i.kind === 'dynamic-import')
        .map((i) => i.path),
    );
    expect(lazily).toContain('@aws-sdk/client-cognito-identity-provider');
  });

  it('carry only their own group’s routes', () => {
    // What is in the output (the metafile's inputs list every file read, kept or shaken out).
    const routeFiles = (group: ApiGroup) => {
      const [, output] = Object.entries(built.get(group)!.metafile.outputs).find(([path]) => path.endsWith('index.js'))!;
      return Object.entries(output.inputs)
        .filter(([path, input]) => input.bytesInOutput > 0 && /functions\/src\/.*-routes\.ts$/.test(path))
        .map(([path]) => path);
    };
    expect(routeFiles('casework').some((path) => path.includes('cases/case-routes'))).toBe(true);
    expect(routeFiles('casework').some((path) => path.includes('dashboards/service-routes') || path.includes('public/public-routes') || path.includes('tenants/tenant-routes'))).toBe(false);
    expect(routeFiles('engagement').some((path) => path.includes('cases/case-routes'))).toBe(false);
  });
});

/**
 * `lambda_jobs_bundle_kb` in `npm run bench` is held to 300 KB. With the import job inside it
 * the jobs function was 1,239 KB (exceljs, csv-parse, unzipper and what they pull in); the
 * import job is now a function of its own and the jobs function about 150 KB (with the offboarding job).
 */
const JOBS_BUNDLE_BUDGET_KB = 300;
/**
 * The imports function is never on a person's request path (it runs asynchronously), and its
 * size is the file readers the import job needs: about 1,190 KB, of which exceljs and what it
 * pulls in are most. Held here so that nothing else creeps in beside them.
 */
const IMPORTS_BUNDLE_BUDGET_KB = 1300;

const JOB_FUNCTIONS = [
  { name: 'jobs', entry: ENTRY_POINTS.jobs, budgetKb: JOBS_BUNDLE_BUDGET_KB, lazy: ['@aws-sdk/client-sesv2', '@aws-sdk/client-s3', '@aws-sdk/client-sts'] },
  { name: 'imports', entry: ENTRY_POINTS.imports, budgetKb: IMPORTS_BUNDLE_BUDGET_KB, lazy: ['@aws-sdk/client-cognito-identity-provider', '@aws-sdk/client-lambda', '@aws-sdk/client-s3', '@aws-sdk/client-sts'] },
] as const;

const builtJobs = new Map<string, { metafile: Metafile; warnings: string[] }>();

beforeAll(async () => {
  await Promise.all(
    JOB_FUNCTIONS.map(async ({ name, entry }) => {
      const result = await build({ ...lambdaBundleOptions('cjs'), entryPoints: [entry], outfile: `${name}/index.js`, write: false, metafile: true, logLevel: 'silent' });
      builtJobs.set(name, { metafile: result.metafile, warnings: result.warnings.map((w) => `${w.location?.file ?? ''}: ${w.text}`) });
    }),
  );
});

/** What is in the output (the metafile's inputs list every file read, kept or shaken out). */
function bundledInputs(metafile: Metafile): string[] {
  const [, output] = Object.entries(metafile.outputs).find(([path]) => path.endsWith('index.js'))!;
  return Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
}

describe.each(JOB_FUNCTIONS)('the $name function’s bundle', ({ name, budgetKb, lazy }) => {
  it('requires only the DynamoDB clients at start; every other SDK client it uses loads on first use', () => {
    const imports = sdkImports(builtJobs.get(name)!.metafile);
    const loadedAtStart = imports.filter((i) => !HOT_SDK_PACKAGES.has(i.path.replace(/^(@aws-sdk\/[^/]+).*$/, '$1')) && i.kind !== 'dynamic-import');
    expect(loadedAtStart, 'load these with `await import(...)` where they are used').toEqual([]);
    const lazily = new Set(imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path));
    for (const sdk of lazy) expect(lazily.has(sdk), sdk).toBe(true);
  });

  it('bundles without warnings', () => {
    expect(builtJobs.get(name)!.warnings).toEqual([]);
  });

  it(`stays within its budget of ${budgetKb} KB`, () => {
    const [, output] = Object.entries(builtJobs.get(name)!.metafile.outputs).find(([path]) => path.endsWith('index.js'))!;
    expect(output.bytes / 1024).toBeLessThanOrEqual(budgetKb);
  });
});

describe('the jobs and imports functions', () => {
  it('keep the import job and its file readers out of the jobs function, and in the imports function', () => {
    const readers = (name: string) => bundledInputs(builtJobs.get(name)!.metafile).filter((path) => /node_modules\/(exceljs|csv-parse|unzipper)\/|functions\/src\/imports\//.test(path));
    expect(readers('jobs')).toEqual([]);
    expect(readers('imports').some((path) => path.includes('node_modules/exceljs/'))).toBe(true);
    expect(readers('imports').some((path) => path.includes('node_modules/csv-parse/'))).toBe(true);
  });
});
