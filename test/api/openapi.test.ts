/** `/v1/openapi.json` and `/v1/reference` over HTTP: public and complete (test/browser/api-reference.test.ts checks the page with axe). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson } from './api-client.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

interface Operation {
  operationId: string;
  security: Record<string, string[]>[];
  parameters?: ({ name: string; in: string } | { $ref: string })[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, { content: Record<string, unknown> }>; securitySchemes: Record<string, { type: string; scheme: string }> };
}

const EXPECTED: [string, string][] = [
  ['get', '/v1/health'],
  ['get', '/v1/me'],
  ['get', '/v1/cases'],
  ['post', '/v1/cases'],
  ['get', '/v1/cases/{ref}'],
  ['patch', '/v1/cases/{ref}'],
  ['get', '/v1/teams'],
  ['post', '/v1/teams'],
  ['get', '/v1/teams/{id}'],
  ['patch', '/v1/teams/{id}'],
  ['get', '/v1/users'],
  ['post', '/v1/users'],
  ['get', '/v1/users/{id}'],
  ['patch', '/v1/users/{id}'],
  ['get', '/v1/settings'],
  ['patch', '/v1/settings'],
  ['get', '/v1/activity'],
  ['get', '/v1/dev/outbox'],
  ['get', '/v1/templates'],
  ['get', '/v1/templates/{id}'],
  ['get', '/v1/templates/{id}/versions/{n}'],
  ['post', '/v1/templates/{id}/versions'],
  ['get', '/v1/audits'],
  ['post', '/v1/audits'],
  ['get', '/v1/audits/{id}'],
  ['patch', '/v1/audits/{id}'],
  ['put', '/v1/audits/{id}/meeting'],
  ['delete', '/v1/audits/{id}/meeting'],
  ['post', '/v1/audits/{id}/complete'],
  ['post', '/v1/audits/{id}/cancel'],
  ['post', '/v1/audits/{id}/reopen'],
  ['get', '/v1/audits/{id}/reflections'],
  ['post', '/v1/audits/{id}/reflections'],
  ['get', '/v1/audits/{id}/grade-views'],
  ['put', '/v1/audits/{id}/grade-views/{sectionId}'],
  ['put', '/v1/audits/{id}/grade-views/{sectionId}/{personId}/reply'],
  ['get', '/v1/cases/{ref}/audits'],
  ['post', '/v1/actions'],
  ['get', '/v1/actions/{id}'],
  ['post', '/v1/templates'],
  ['get', '/v1/cases/{ref}/journey'],
  ['post', '/v1/cases/{ref}/journey'],
  ['patch', '/v1/cases/{ref}/journey/events/{eventId}'],
  ['delete', '/v1/cases/{ref}/journey/events/{eventId}'],
  ['get', '/v1/audits/{id}/moderation'],
  ['put', '/v1/audits/{id}/moderation'],
  ['get', '/v1/moderation'],
  ['get', '/v1/moderation/suggestions'],
  ['get', '/v1/moderation/agreement'],
  ['get', '/v1/programmes/{month}'],
  ['post', '/v1/programmes/{month}/samples'],
  ['get', '/v1/programmes/{month}/samples/{managerId}'],
  ['post', '/v1/programmes/{month}/samples/{managerId}/swap'],
  ['post', '/v1/programmes/{month}/samples/{managerId}/accept'],
  ['get', '/v1/engagement/activities'],
  ['post', '/v1/engagement/activities'],
  ['get', '/v1/engagement/activities/{id}'],
  ['patch', '/v1/engagement/activities/{id}'],
  ['get', '/v1/engagement/activities/{id}/codes'],
  ['post', '/v1/engagement/activities/{id}/codes'],
  ['post', '/v1/engagement/activities/{id}/codes/{codeId}/revoke'],
  ['get', '/v1/alerts'],
  ['get', '/v1/alerts/{id}'],
  ['post', '/v1/alerts/{id}/actions'],
  ['post', '/v1/alerts/{id}/acknowledgement'],
  ['get', '/v1/public/{slug}'],
  ['post', '/v1/public/{slug}/sessions'],
  ['get', '/v1/public/{slug}/response'],
  ['put', '/v1/public/{slug}/response/answers'],
  ['post', '/v1/public/{slug}/response/submit'],
];

/** Lifecycle moves that take nothing but the If-Match header (and every DELETE). */
const BODILESS = new Set(['/v1/alerts/{id}/acknowledgement', '/v1/audits/{id}/complete', '/v1/engagement/activities/{id}/codes/{codeId}/revoke', '/v1/programmes/{month}/samples/{managerId}/accept']);

describe('/v1/openapi.json', () => {
  it('is public and a 3.1 document listing every route with its method', async () => {
    const doc = await expectJson<Document>(await stack.api(null, '/v1/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Waypoint API', version: '1' });
    for (const [method, path] of EXPECTED) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });

  it('asks for a bearer token on every route but the public ones', async () => {
    const doc = await expectJson<Document>(await stack.api(null, '/v1/openapi.json'));
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [method, path] of EXPECTED) {
      // The have-your-say routes take no staff token: their session is checked by the route itself.
      const expected = path === '/v1/health' || path.startsWith('/v1/public/') ? [] : [{ bearer: [] }];
      expect(doc.paths[path]![method]!.security, `${method} ${path}`).toEqual(expected);
    }
  });

  it('gives request bodies, path parameters and problem+json failures', async () => {
    const doc = await expectJson<Document>(await stack.api(null, '/v1/openapi.json'));
    for (const [method, path] of EXPECTED) {
      const op = doc.paths[path]![method]!;
      if (method !== 'get' && method !== 'delete' && !BODILESS.has(path)) expect(op.requestBody?.content['application/json'], `${method} ${path}`).toBeDefined();
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        expect(op.parameters, `${method} ${path}`).toContainEqual(expect.objectContaining({ name: name.slice(1, -1), in: 'path' }));
      }
      const failures = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      expect(failures.length, `${method} ${path}`).toBeGreaterThan(0);
      for (const [, response] of failures) {
        const name = response.$ref!.split('/').pop()!;
        expect(doc.components.responses[name]!.content['application/problem+json']).toEqual({ schema: { $ref: '#/components/schemas/Problem' } });
      }
    }
    expect(doc.paths['/v1/teams/{id}']!.patch!.parameters).toContainEqual({ $ref: '#/components/parameters/IfMatch' });
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Problem', 'Case', 'Team', 'User', 'Settings', 'ActivityEntry']));
  });
});

describe('/v1/reference', () => {
  it('is a self-contained HTML page in English with a heading for every route', async () => {
    const response = await stack.api(null, '/v1/reference');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('<title>API reference – Waypoint</title>');
    for (const [method, path] of EXPECTED) expect(html).toContain(`<span class="method">${method.toUpperCase()}</span><code>${path}</code></h3>`);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script/);
  });
});
