/** What the action, dashboard and totals suites share: raising an action and moving it, over HTTP. */
import { expect } from 'vitest';
import type { ActionView } from '@waypoint/shared/actions/action-schemas';
import type { TestStack } from '../support/stack.ts';
import { expectJson, jsonInit, nv } from './api-client.ts';

export interface ActionDetail extends ActionView {
  moves: string[];
  people: Record<string, string>;
}

export interface SavedAction {
  action: ActionDetail;
  etag: string;
}

export const inDays = (from: string, days: number) => new Date(Date.parse(`${from}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function savedAction(response: Response, status = 200): Promise<SavedAction> {
  const action = await expectJson<ActionDetail>(response, status);
  const etag = response.headers.get('etag');
  expect(etag).toBe(`"${action.version}"`);
  return { action, etag: etag! };
}

export async function raiseAction(stack: TestStack, body: { auditId: string; sectionId?: string; ownerId?: string; dueDate: string; description?: string }, email = nv('manager')): Promise<SavedAction> {
  const request = {
    source: { type: 'audit', auditId: body.auditId, sectionId: body.sectionId ?? 'assessment' },
    description: body.description ?? 'Meet the father and add his views to the assessment.',
    ownerId: body.ownerId ?? 'nv-practitioner',
    dueDate: body.dueDate,
    priority: 'high',
  };
  return savedAction(await stack.api(email, '/v1/actions', jsonInit('POST', request)), 201);
}

export type Move = 'start' | 'complete' | 'verify' | 'reopen' | 'cancel';

export function moveAction(stack: TestStack, current: SavedAction, move: Move, body: Record<string, unknown> | undefined, email: string, etag = current.etag): Promise<Response> {
  const headers: Record<string, string> = etag ? { 'if-match': etag } : {};
  if (body === undefined) return stack.api(email, `/v1/actions/${current.action.id}/${move}`, { method: 'POST', headers });
  return stack.api(email, `/v1/actions/${current.action.id}/${move}`, jsonInit('POST', body, headers));
}

export async function moved(stack: TestStack, current: SavedAction, move: Move, body: Record<string, unknown> | undefined, email: string): Promise<SavedAction> {
  return savedAction(await moveAction(stack, current, move, body, email));
}
