/**
 * Every job on one machine: the jobs Lambda's and the import job, which in AWS is a function
 * of its own (imports/lambda.ts). `npm start`'s timer and `npm run job:<name>` run these.
 */
import { runImports } from '../imports/import-job.ts';
import { JOBS, type Job } from './job-registry.ts';

export const LOCAL_JOBS = { ...JOBS, imports: runImports } satisfies Record<string, Job>;

export type LocalJobName = keyof typeof LOCAL_JOBS;

export function isLocalJobName(value: string): value is LocalJobName {
  return Object.hasOwn(LOCAL_JOBS, value);
}
