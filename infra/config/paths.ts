/** Where the CDK app finds the code it packages, relative to the repository root. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiGroup } from '../../functions/src/api/api-groups.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const repoPath = (...parts: string[]): string => path.join(REPO_ROOT, ...parts);

export const LOCK_FILE = repoPath('package-lock.json');

/** Lambda entry points; each exports `handler`. */
export const ENTRY_POINTS = {
  /** Scheduled jobs; invoked with `{ job: 'email' | 'retention' | … }` (functions/src/jobs/job-registry.ts). */
  jobs: repoPath('functions/src/jobs/lambda.ts'),
  /** The import job with its file readers; invoked with `{ tenantId, importId }` or, by its schedule, `{ job: 'imports' }`. */
  imports: repoPath('functions/src/imports/lambda.ts'),
  /** Cognito pre-token-generation (V2_0): tenant and role into access tokens. */
  preTokenGeneration: repoPath('infra/identity/pre-token-generation.ts'),
} as const;

/** svelte-kit-sst writes its output here when the portal is built with `PORTAL_ADAPTER=lambda`. */
export const PORTAL_BUILD_DIR = repoPath('portal/.svelte-kit/svelte-kit-sst');

/** The API's Lambdas, one per group of routes (functions/src/api/api-groups.ts); each is the Hono app with that group's routes, wrapped by `handleHttpApi` (functions/src/api/http-api-handler.ts). */
export const apiEntryPoint = (group: ApiGroup): string => repoPath(`functions/src/api/lambda-${group}.ts`);
