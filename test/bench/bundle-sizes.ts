/**
 * `tsx test/bench/bundle-sizes.ts`: just the bench's bundle weights, without a stack. Every
 * function bundled exactly as CDK bundles it (lambda-bundle.ts), the same figures and names
 * `npm run bench` prints.
 */
import { API_GROUPS } from '@waypoint/functions/api/api-groups';
import { bundleFunction } from './lambda-bundle.ts';
import { print } from './measure.ts';

const apiBundles = await Promise.all(API_GROUPS.map(async (group) => ({ group, ...(await bundleFunction(`api-${group}`)) })));
print('lambda_api_bundle_kb', Math.max(...apiBundles.map((b) => b.kb)), 1);
console.log(`lambda_api_bundle_kb_by_group: ${apiBundles.map((b) => `${b.group} ${b.kb.toFixed(1)}`).join(', ')}`);
print('lambda_jobs_bundle_kb', (await bundleFunction('jobs')).kb, 1);
print('lambda_imports_bundle_kb', (await bundleFunction('imports')).kb, 1);
