/** Cancelling and reopening: a lifecycle move that needs a reason, posted with If-Match from the page's version. */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { CancelAuditBody } from '@waypoint/shared/audits/audit-schemas';
import { fieldErrorsFromIssues, fieldErrorsFromProblem, type FieldError } from '../forms/form-errors.ts';
import { createApi } from '../server/api.ts';
import { ApiError } from '../server/errors.ts';
import { auditApi, type AuditApi } from './audit-api.server.ts';
import { readAuditContext } from './audit-context.server.ts';
import type { AuditPermissions } from './audit-permissions.ts';
import { formText } from './form-values.ts';

export interface ReasonFailure {
  errors: FieldError[];
  reason: string;
  conflict?: boolean;
}

export type ReasonMove = 'cancel' | 'reopen';

const ALLOWED: Record<ReasonMove, (can: AuditPermissions) => boolean> = { cancel: (can) => can.cancel, reopen: (can) => can.reopen };
const CALL: Record<ReasonMove, (api: AuditApi, id: string, version: string, reason: string) => Promise<unknown>> = {
  cancel: (api, id, version, reason) => api.cancelAudit(id, version, reason),
  reopen: (api, id, version, reason) => api.reopenAudit(id, version, reason),
};
const DONE: Record<ReasonMove, string> = { cancel: 'cancelled', reopen: 'reopened' };

/** The page's load: the audit, if this person may make the move now; otherwise back to its record. */
export async function loadReasonMove(event: RequestEvent, move: ReasonMove, me: Parameters<typeof readAuditContext>[1]) {
  const context = await readAuditContext(event, me);
  if (!ALLOWED[move](context.can)) redirect(303, `/audits/${encodeURIComponent(context.audit.id)}`);
  return { audit: { id: context.audit.id, caseRef: context.audit.caseRef, month: context.audit.month, state: context.audit.state }, version: context.version };
}

export async function submitReasonMove(event: RequestEvent, move: ReasonMove) {
  const context = await readAuditContext(event);
  const form = await event.request.formData();
  const reason = formText(form, 'reason');
  if (!ALLOWED[move](context.can)) {
    return fail(409, { errors: [{ field: 'form', message: 'The audit has changed and this can no longer be done. Go back to the audit to see where it is.' }], reason } satisfies ReasonFailure);
  }
  // Cancel and reopen take the same body: a reason of up to 2000 characters.
  const parsed = v.safeParse(CancelAuditBody, { reason });
  if (!parsed.success) return fail(400, { errors: fieldErrorsFromIssues(parsed.issues, { reason: 'Give a reason' }), reason } satisfies ReasonFailure);
  const version = formText(form, 'version');
  try {
    await CALL[move](auditApi(createApi(event)), context.audit.id, version, parsed.output.reason);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status === 403) error(403, 'You do not have access to this page');
    if (e.status === 412 || e.status === 428) return fail(412, { errors: [], reason, conflict: true } satisfies ReasonFailure);
    const errors = fieldErrorsFromProblem(e.problem.errors, {});
    return fail(e.status === 400 ? 400 : 409, { errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }], reason } satisfies ReasonFailure);
  }
  redirect(303, `/audits/${encodeURIComponent(context.audit.id)}?${DONE[move]}=1`);
}
