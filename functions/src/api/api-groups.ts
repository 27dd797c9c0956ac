/**
 * Which Lambda answers which part of the API in AWS: the first path segment after /v1 names
 * the group, and API Gateway sends `/v1/<segment>` and everything under it to that group's
 * function (infra/api/http-api.ts). The casework group has no list: it is API Gateway's
 * catch-all, so an address under a new prefix reaches it unless added here. The routes
 * themselves are listed in app.ts; `api-groups.test.ts` checks the two agree. Plain data, so
 * the CDK app can read it without loading the API.
 */
export const API_GROUP_PREFIXES = {
  platform: ['health', 'openapi.json', 'reference', 'sign-in', 'platform'],
  engagement: ['public', 'engagement', 'alerts'],
  insight: ['dashboards', 'practitioners', 'compliance', 'reviews', 'shadowing', 'imports', 'moderation', 'data-exports'],
  casework: [],
} as const satisfies Record<string, readonly string[]>;

export type ApiGroup = keyof typeof API_GROUP_PREFIXES;

export const API_GROUPS = Object.keys(API_GROUP_PREFIXES) as ApiGroup[];

/** The group whose function API Gateway sends this path to. */
export function apiGroupForPath(path: string): ApiGroup {
  const segment = path.split('/')[2] ?? '';
  for (const group of API_GROUPS) {
    if ((API_GROUP_PREFIXES[group] as readonly string[]).includes(segment)) return group;
  }
  return 'casework';
}
