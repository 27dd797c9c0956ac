/**
 * Hostile headers, addresses and query strings: weak ETags, the bearer scheme in any case,
 * addresses too long to echo, missing or repeated query parameters, and bodies nested too
 * deeply or holding numbers too large to store. Each is a clear 4xx that changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@waypoint/functions/api/app';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, NORTHVALE, readVersioned } from './api-client.ts';
import { nvActivity, nvCode, publicCall } from './engagement-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('If-Match', () => {
  it('never matches a weak tag, even one naming the current version (412, nothing written)', async () => {
    const before = await readVersioned(stack, nv('admin'), '/v1/teams/early-help');
    const weak = `W/${before.etag}`;
    await expectProblem(await stack.api(nv('admin'), '/v1/teams/early-help', jsonInit('PATCH', { name: 'Weakly matched' }, { 'if-match': weak })), 412);
    const after = await readVersioned<{ name: string }>(stack, nv('admin'), '/v1/teams/early-help');
    expect(after.etag).toBe(before.etag);
    expect(after.body.name).not.toBe('Weakly matched');
    await expectJson(await stack.api(nv('admin'), '/v1/teams/early-help', jsonInit('PATCH', { name: 'Strongly matched' }, { 'if-match': before.etag })));
  });
});

describe('Authorization', () => {
  it('accepts the bearer scheme in any case, for staff and for a public session', async () => {
    const token = await stack.tokenFor(nv('qa'));
    for (const scheme of ['bearer', 'BEARER', 'Bearer', 'bEaReR']) {
      await expectJson(await fetch(`${stack.apiUrl}/v1/teams`, { headers: { authorization: `${scheme} ${token}` } }));
    }
    const started = await expectJson<{ token: string }>(await publicCall(stack, NORTHVALE.slug, '/sessions', jsonInit('POST', { code: nvCode('ages-11-18') })), 201);
    await expectJson(await publicCall(stack, NORTHVALE.slug, '/response', { headers: { authorization: `bearer ${started.token}` } }));
  });
});

describe('addresses', () => {
  it('never echoes a very long address in `instance`, but keeps a short one', async () => {
    const long = 'a'.repeat(5000);
    for (const path of [`/v1/public/${long}`, `/v1/cases/${long}`, `/v1/teams/${long}`, `/v1/${long}`]) {
      const response = await stack.api(nv('qa'), path);
      const text = await response.clone().text();
      expect(response.status, path.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(text.length).toBeLessThan(1000);
      expect(text).not.toContain('a'.repeat(300));
      expect(JSON.parse(text).instance).toBeUndefined();
    }
    const short = await expectProblem(await stack.api(nv('qa'), '/v1/cases/NV-99999'), 404);
    expect((short as { instance?: string }).instance).toBe('/v1/cases/NV-99999');
  });
});

/** Every list route whose query has a required parameter, with the words its problem must use. */
const REQUIRED_QUERY: [path: string, parameter: string, message: RegExp][] = [
  ['/v1/actions', 'view', /^Required: one of mine, team, case$/],
  ['/v1/moderation', 'month', /^Required: enter a month as YYYY-MM$/],
  ['/v1/moderation/suggestions', 'month', /^Required: enter a month as YYYY-MM$/],
  ['/v1/moderation/agreement', 'period', /^Required: use a month like 2026-11, a quarter like 2026-Q4 or a year like 2026$/],
  ['/v1/dashboards/service/export', 'figure', /^Required: one of timeliness, grades, .*feedback-themes$/],
];

describe('query strings', () => {
  it('say which parameter is missing and what it takes', async () => {
    for (const [path, parameter, message] of REQUIRED_QUERY) {
      const problem = await expectProblem(await stack.api(nv('qa'), path), 400);
      expect(problem.errors, path).toHaveLength(1);
      expect(problem.errors![0]!.path).toBe(parameter);
      expect(problem.errors![0]!.message).toMatch(message);
      expect(problem.detail).toBe(`The query has 1 problem: ${parameter} is missing`);
    }
  });

  it('never call a query string a JSON object, on any route with no parameters given', async () => {
    const app = createApp({} as never);
    const lists = [...new Set(app.routes.filter((r) => r.method === 'GET' && !r.path.includes(':') && r.path !== '/*').map((r) => r.path))];
    for (const path of lists) {
      const response = await stack.api(nv('qa'), path);
      expect(response.status, path).toBeLessThan(500);
      expect(await response.text(), path).not.toContain('JSON object');
    }
  });

  it('refuse a parameter given twice, naming it', async () => {
    for (const path of ['/v1/cases?status=open&status=closed', '/v1/actions?view=mine&view=team', '/v1/moderation?month=2026-11&month=2026-10']) {
      const problem = await expectProblem(await stack.api(nv('qa'), path), 400);
      expect(problem.errors?.[0]?.message, path).toBe('Give this parameter once');
    }
  });

  it('refuse a cursor that is not one of ours, however it is mangled', async () => {
    for (const cursor of ['%00', 'x'.repeat(3000), Buffer.from('[]').toString('base64url'), Buffer.from('{"key":{"PK":1}}').toString('base64url'), Buffer.from('{"part":1e400}').toString('base64url')]) {
      const response = await stack.api(nv('qa'), `/v1/cases?cursor=${encodeURIComponent(cursor)}`);
      const problem = await expectProblem(response, 400);
      expect(problem.errors?.[0]?.path).toBe('cursor');
    }
  });
});

describe('bodies', () => {
  it('refuse nesting deeper than any body needs, before it reaches a schema', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = { a: deep };
    const before = await readVersioned(stack, nv('qa'), '/v1/cases/NV-00001');
    const problem = await expectProblem(await stack.api(nv('qa'), '/v1/cases/NV-00001', jsonInit('PATCH', { label: deep }, { 'if-match': before.etag })), 400);
    expect(problem.errors?.[0]?.message).toMatch(/^Nested too deeply/);
    expect((await readVersioned(stack, nv('qa'), '/v1/cases/NV-00001')).etag).toBe(before.etag);
  });

  it('refuse numbers too large to store exactly, naming where they are', async () => {
    const before = await readVersioned(stack, nv('admin'), '/v1/settings');
    for (const number of ['1e400', '-1e400', '1e300', '123456789012345678901234567890']) {
      const body = `{"retentionYears": ${number}}`;
      const problem = await expectProblem(await stack.api(nv('admin'), '/v1/settings', jsonInit('PATCH', body, { 'if-match': before.etag })), 400);
      expect(problem.errors).toEqual([{ path: 'retentionYears', message: expect.stringMatching(/^Use a number between/) }]);
    }
    expect((await readVersioned(stack, nv('admin'), '/v1/settings')).etag).toBe(before.etag);
  });

  it('name an unknown field, cut short, in an answer of bounded size', async () => {
    const body = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`${'k'.repeat(200)}${i}`, i]));
    const response = await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { name: 'Many fields', ...body }));
    const text = await response.clone().text();
    const problem = await expectProblem(response, 400);
    expect(problem.errors!.length).toBeLessThanOrEqual(20);
    expect(problem.errors![0]!.message).toBe('Unknown field');
    expect(text).not.toContain('k'.repeat(100));
    expect(text.length).toBeLessThan(5000);
  });

  it('refuse an array where an object belongs, at any depth, rather than reading it as an empty one', async () => {
    const activity = `/v1/engagement/activities/${nvActivity('ages-8-10')}`;
    for (const [email, path, body, field] of [
      [nv('qa'), activity, { translations: [] }, 'translations'],
      [nv('qa'), activity, { translations: { cy: [] } }, 'translations.cy'],
      [nv('admin'), '/v1/settings', { safetyPhrases: [] }, 'safetyPhrases'],
    ] as const) {
      const before = await readVersioned(stack, email, path);
      const problem = await expectProblem(await stack.api(email, path, jsonInit('PATCH', body, { 'if-match': before.etag })), 400);
      expect(problem.errors).toEqual([{ path: field, message: 'Expected a JSON object' }]);
      expect((await readVersioned(stack, email, path)).etag).toBe(before.etag);
    }
  });

  it('say a required field is required, and what it takes', async () => {
    const problem = await expectProblem(await stack.api(nv('qa'), '/v1/cases', jsonInit('POST', { ref: 'NV-70001', teamId: 'assessment' })), 400);
    expect(problem.errors).toEqual([{ path: 'caseType', message: 'Required: one of early-help, child-in-need, child-protection, child-looked-after, care-leaver' }]);
  });
});
