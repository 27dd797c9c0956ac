/**
 * What the API and isolation suites share: the demo people and ids they name, and small
 * helpers for JSON requests and for checking problem+json answers.
 */
import { expect } from 'vitest';
import { DEMO_TENANTS } from '@waypoint/functions/local/seed/demo-data';
import type { StaffRole } from '@waypoint/shared/tenancy/roles';
import type { TestStack } from '../support/stack.ts';

export const NORTHVALE = DEMO_TENANTS[0]!;
export const SOUTHMOOR = DEMO_TENANTS[1]!;
export const ROLES: readonly StaffRole[] = ['student', 'practitioner', 'manager', 'qa', 'senior', 'admin'];
export const OPERATOR_EMAIL = 'operator@waypoint.example';

export const nv = (role: StaffRole) => `${role}@northvale.example`;
export const sm = (role: StaffRole) => `${role}@southmoor.example`;

export function jsonInit(method: 'POST' | 'PATCH' | 'PUT', body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } };
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

/** Asserts the status and that the body is problem+json; returns the problem. */
export async function expectProblem(response: Response, status: number): Promise<Problem> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(text) as Problem;
  expect(problem.status).toBe(status);
  expect(typeof problem.title).toBe('string');
  return problem;
}

export async function expectJson<T = Record<string, unknown>>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return JSON.parse(text) as T;
}

/** Reads an item and returns it with the ETag to quote in If-Match. */
export async function readVersioned<T = Record<string, unknown>>(stack: TestStack, email: string, path: string): Promise<{ body: T; etag: string }> {
  const response = await stack.api(email, path);
  const body = await expectJson<T>(response);
  const etag = response.headers.get('etag');
  expect(etag).toMatch(/^"\d+"$/);
  return { body, etag: etag! };
}

/** Every page of a list, following nextCursor. */
export async function readAllPages<T>(stack: TestStack, email: string, path: string): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: { items: T[]; nextCursor: string | null } = await expectJson(await stack.api(email, cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path));
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
    expect(pages).toBeLessThan(100);
  } while (cursor);
  return { items, pages };
}
