/** API Gateway's routing (api-groups.ts) and the app's groups of routes (app.ts) agree: every route reaches the function that has it. */
import { describe, expect, it } from 'vitest';
import { API_GROUP_PREFIXES, API_GROUPS, apiGroupForPath, type ApiGroup } from './api-groups.ts';
import { caseworkGroup, composeApp, createApp, engagementGroup, insightGroup, platformGroup, type RouteGroup } from './app.ts';

const GROUPS: Record<ApiGroup, RouteGroup> = { platform: platformGroup, engagement: engagementGroup, insight: insightGroup, casework: caseworkGroup };

/** The addresses of a group's own routes (not the middleware every path passes through). */
function routePaths(group: RouteGroup): string[] {
  const app = composeApp({} as never, [group]);
  return [...new Set(app.routes.filter((route) => route.method !== 'ALL' && route.path.startsWith('/v1/')).map((route) => route.path))];
}

describe('the API groups', () => {
  it.each(API_GROUPS)('the %s function has every route API Gateway sends it', (group) => {
    const paths = routePaths(GROUPS[group]);
    expect(paths.length).toBeGreaterThan(0);
    const elsewhere = paths.filter((path) => apiGroupForPath(path) !== group);
    expect(elsewhere, `add their first segment to API_GROUP_PREFIXES.${group} in api-groups.ts, or move the routes to the group that has it`).toEqual([]);
  });

  it('every prefix a group names has a route in that group', () => {
    for (const group of API_GROUPS) {
      const segments = new Set(routePaths(GROUPS[group]).map((path) => path.split('/')[2]));
      for (const prefix of API_GROUP_PREFIXES[group] as readonly string[]) expect(segments, `${group}: ${prefix}`).toContain(prefix);
    }
  });

  it('the whole app on one machine is every group together', () => {
    const whole = new Set(createApp({} as never).routes.map((route) => `${route.method} ${route.path}`));
    const together = new Set(API_GROUPS.flatMap((group) => composeApp({} as never, [GROUPS[group]]).routes.map((route) => `${route.method} ${route.path}`)));
    expect([...together].filter((route) => !whole.has(route))).toEqual([]);
    expect([...whole].filter((route) => !together.has(route))).toEqual([]);
  });
});
