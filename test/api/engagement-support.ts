/**
 * What the engagement suites share: the demo activities and codes they name, and small
 * helpers for the public routes (sessions, saving, submitting) and staff set-up.
 */
import { expect } from 'vitest';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import type { ActivityView } from '@waypoint/shared/engagement/activity-schemas';
import type { Audience } from '@waypoint/shared/engagement/audiences';
import type { InvitationCodeView } from '@waypoint/shared/engagement/invitation-codes';
import type { ResponseSaved, SessionStarted } from '@waypoint/shared/engagement/response-schemas';
import { demoActivityId, demoCode } from '@waypoint/functions/local/seed/demo-engagement';
import { clock } from '@waypoint/shared/time/clock';
import type { TestStack } from '../support/stack.ts';
import { expectJson, jsonInit, NORTHVALE, SOUTHMOOR, type Problem } from './api-client.ts';

export { NORTHVALE, SOUTHMOOR };
export const nvActivity = (audience: Audience) => demoActivityId(NORTHVALE, audience);
export const smActivity = (audience: Audience) => demoActivityId(SOUTHMOOR, audience);
export const nvCode = (audience: Audience) => demoCode(NORTHVALE, audience);
export const smCode = (audience: Audience) => demoCode(SOUTHMOOR, audience);

export const today = () => londonDate(clock.now());
export const daysFromToday = (days: number) => londonDate(new Date(clock.now().getTime() + days * 86_400_000));

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function publicCall(stack: TestStack, slug: string, path: string, init?: RequestInit, base = stack.apiUrl): Promise<Response> {
  const headers = new Headers(init?.headers);
  if (init?.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return fetch(`${base}/v1/public/${slug}${path}`, { ...init, headers });
}

export async function startSession(stack: TestStack, slug: string, body: Record<string, unknown>, base?: string): Promise<SessionStarted> {
  return expectJson<SessionStarted>(await publicCall(stack, slug, '/sessions', jsonInit('POST', body), base), 201);
}

export async function saveAnswers(stack: TestStack, slug: string, token: string, answers: unknown, extra: Record<string, unknown> = {}, base?: string): Promise<Response> {
  return publicCall(stack, slug, '/response/answers', jsonInit('PUT', { answers, ...extra }, bearer(token)), base);
}

export async function submit(stack: TestStack, slug: string, token: string, body: Record<string, unknown> = {}, base?: string): Promise<Response> {
  return publicCall(stack, slug, '/response/submit', jsonInit('POST', body, bearer(token)), base);
}

export async function savedOk(response: Response): Promise<ResponseSaved> {
  return expectJson<ResponseSaved>(response);
}

export function expectReason(problem: Problem, reason: string): void {
  expect((problem as Problem & { reason?: string }).reason).toBe(reason);
}

/** A new open survey for ages 11 to 18, created by `email` (QA by default). */
export async function newActivity(stack: TestStack, email: string, overrides: Record<string, unknown> = {}): Promise<ActivityView> {
  const body = { type: 'survey', title: 'Test survey', audience: 'ages-11-18', templateId: 'feedback-ages-11-18', opensOn: today(), ...overrides };
  return expectJson<ActivityView>(await stack.api(email, '/v1/engagement/activities', jsonInit('POST', body)), 201);
}

export async function issueCode(stack: TestStack, email: string, activityId: string, body: Record<string, unknown>): Promise<InvitationCodeView> {
  return expectJson<InvitationCodeView>(await stack.api(email, `/v1/engagement/activities/${activityId}/codes`, jsonInit('POST', { expiresOn: daysFromToday(30), ...body })), 201);
}
