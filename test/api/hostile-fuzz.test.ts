/**
 * Property-based hostile input: arbitrary JSON bodies, text and addresses sent to a handful
 * of representative routes never produce a 5xx, and a refused change never moves the
 * version of what it addressed; a body that is not a JSON object is always a 400, and what
 * is accepted never stores a control character, lone surrogate or direction override.
 */
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';
import { jsonInit, nv, NORTHVALE, readVersioned } from './api-client.ts';
import { planAudit } from './audits-support.ts';
import { bearer, nvActivity, nvCode, startSession } from './engagement-support.ts';

let stack: TestStack;
const ROUTES = ['a case', 'a team', 'a user', 'the settings', 'an engagement activity', 'an audit', 'a public response'] as const;
let routes: Record<(typeof ROUTES)[number], FuzzedRoute>;
/** Generous: the assertions are about answers, never about time, and the machine may be busy. */
const TIMEOUT_MS = 180_000;

/** A route that changes one versioned item, the fields its body knows, and how to read it back. */
interface FuzzedRoute {
  email: string;
  method: 'PATCH' | 'PUT' | 'POST';
  path: string;
  versioned: string;
  fields: string[];
  headers?: Record<string, string>;
}

/** Bodies per route, and address texts; each run draws new ones. */
const RUNS = 40;

beforeAll(async () => {
  stack = await startStack();
  const planned = await planAudit(stack, { caseRef: 'NV-00004' });
  const session = await startSession(stack, NORTHVALE.slug, { code: nvCode('parents-carers') });
  routes = {
    'a case': { email: nv('qa'), method: 'PATCH', path: '/v1/cases/NV-00001', versioned: '/v1/cases/NV-00001', fields: ['label', 'status', 'teamId', 'caseType', 'holderId', 'studentId', 'ageBand'] },
    'a team': { email: nv('admin'), method: 'PATCH', path: '/v1/teams/assessment', versioned: '/v1/teams/assessment', fields: ['name', 'service'] },
    'a user': { email: nv('admin'), method: 'PATCH', path: '/v1/users/nv-student', versioned: '/v1/users/nv-student', fields: ['name', 'role', 'teamIds', 'active'] },
    'the settings': { email: nv('admin'), method: 'PATCH', path: '/v1/settings', versioned: '/v1/settings', fields: ['name', 'gradeLabels', 'retentionYears', 'safetyPhrases', 'dutyPhone'] },
    'an engagement activity': {
      email: nv('qa'),
      method: 'PATCH',
      path: `/v1/engagement/activities/${nvActivity('ages-11-18')}`,
      versioned: `/v1/engagement/activities/${nvActivity('ages-11-18')}`,
      fields: ['title', 'description', 'closesOn', 'translations', 'publicLink'],
    },
    'an audit': { email: nv('manager'), method: 'PATCH', path: `/v1/audits/${planned.audit.id}`, versioned: `/v1/audits/${planned.audit.id}`, fields: ['answers', 'conversationDate', 'partners', 'periodReviewed'] },
    'a public response': { email: '', method: 'PUT', path: `/v1/public/${NORTHVALE.slug}/response/answers`, versioned: `/v1/public/${NORTHVALE.slug}/response`, fields: ['answers', 'website'], headers: bearer(session.token) },
  };
});
afterAll(async () => {
  await stack?.stop();
});

function call(route: { email: string; headers?: Record<string, string> }, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = { ...route.headers, ...(init.headers as Record<string, string>) };
  return route.email ? stack.api(route.email, path, { ...init, headers }) : fetch(`${stack.apiUrl}${path}`, { ...init, headers });
}

const parsed = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};
const isObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Strings anywhere in a value that hold what no stored text may: controls other than line breaks, lone surrogates, direction overrides. */
function unsafeText(value: unknown): string[] {
  if (typeof value === 'string') return /[^\P{Cc}\t\n\r]|\p{Cs}|[\u202A-\u202E\u2066-\u2069]/u.test(value) ? [JSON.stringify(value)] : [];
  if (value && typeof value === 'object') return Object.values(value).flatMap(unsafeText);
  return [];
}

async function versionOf(route: FuzzedRoute): Promise<string> {
  if (route.email) return (await readVersioned(stack, route.email, route.versioned)).etag;
  const response = await call(route, route.versioned);
  expect(response.status).toBe(200);
  return response.headers.get('etag') ?? (await response.text());
}

/**
 * Any code point, lone surrogates included, as fast-check's `unit: 'binary'` gives; built here
 * because that unit makes fast-check map all 1.1 million code points back to indexes first, a
 * second of CPU for every run of this file.
 */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint));
/** Text with the characters that have broken things before: controls, lone surrogates, overrides, long runs. */
const hostileText = fc.oneof(fc.string({ unit: anyCodePoint, maxLength: 40 }), fc.constantFrom('\u0000', '\uD800', '\u202E', '#', '%', '../', '__proto__', 'constructor', 'x'.repeat(5000), ' ', ''));
/** Any JSON, with the route's own field names mixed in so some bodies get past the shape check. */
const bodyFor = (fields: string[]) =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...fields), hostileText), fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileText), { maxKeys: 4 }),
    fc.dictionary(fc.constantFrom(...fields), fc.oneof(hostileText, fc.double(), fc.integer(), fc.constant(null)), { minKeys: 1, maxKeys: 3 }),
  );

describe('arbitrary bodies never produce a 5xx, and a refused one never changes the version', () => {
  for (const name of ROUTES) {
    it(
      `changing ${name}`,
      async () => {
        const route = routes[name];
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              bodyFor(route.fields).map((body) => JSON.stringify(body)),
              fc.string({ maxLength: 30 }),
            ),
            async (body) => {
              const before = await versionOf(route);
              const response = await call(route, route.path, jsonInit(route.method, body, { 'if-match': before.startsWith('"') ? before : '"1"' }));
              const text = await response.text();
              const said = `${route.method} ${route.path} ${body.slice(0, 200)}: ${text.slice(0, 500)}`;
              expect(response.status, said).toBeLessThan(500);
              if (!isObject(parsed(body))) expect(response.status, said).toBe(400);
              if (response.status >= 400) expect(await versionOf(route), `${route.path} changed on ${response.status}`).toBe(before);
              else expect(unsafeText(JSON.parse(text)), said).toEqual([]);
            },
          ),
          { numRuns: RUNS },
        );
      },
      TIMEOUT_MS,
    );
  }
});

/** Percent-encoded text, and escapes no encoder would write: bytes that are not UTF-8, a half escape, an encoded NUL. */
const encoded = fc.oneof(
  hostileText.map((s) => encodeURIComponent(s.replace(/\p{Cs}/gu, ''))),
  fc.constantFrom('%FF', '%ED%A0%80', '%', '%zz', '%00', '%E2%80%AE', 'a%2Fb', '..%2F..%2F'),
);

describe('arbitrary addresses and query strings', () => {
  it(
    'never produce a 5xx',
    async () => {
      const paths = (e: string) => {
        return [`/v1/cases/${e}`, `/v1/audits/${e}`, `/v1/actions?view=${e}&cursor=${e}`, `/v1/cases?cursor=${e}&limit=${e}`, `/v1/moderation?month=${e}`, `/v1/public/${e}`, `/v1/public/${NORTHVALE.slug}/you-said-we-did?lang=${e}`];
      };
      await fc.assert(
        fc.asyncProperty(encoded, async (e) => {
          for (const path of paths(e)) {
            const response = await stack.api(nv('qa'), path);
            const text = await response.text();
            expect(response.status, `${path.slice(0, 200)}: ${text}`).toBeLessThan(500);
            expect(text.length, path.slice(0, 200)).toBeLessThan(20_000);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
