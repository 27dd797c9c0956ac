/**
 * Raising an action from an item a compliance check answered "no" → POST /v1/actions with a
 * compliance source. The action is about the case and for its team; the case holder is offered
 * as its owner first, and is told once it is raised.
 */
import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { COMPLIANCE_ITEMS, type ComplianceItem } from '@waypoint/shared/compliance/compliance-checklist';
import { complianceCheckId } from '@waypoint/shared/compliance/compliance-schemas';
import { actionApi } from '$lib/actions/action-api.server';
import { feedbackActionErrorsFromProblem, feedbackActionValuesFromForm, type FeedbackActionValues } from '$lib/actions/feedback-action-form';
import { teamStaff } from '$lib/actions/team-staff.server';
import { EMPTY_DATE } from '$lib/audits/date-parts';
import { formText } from '$lib/audits/form-values';
import { complianceActionBody } from '$lib/compliance/compliance-action-form';
import { complianceApi } from '$lib/compliance/compliance-api.server';
import type { FieldError } from '$lib/forms/form-errors';
import { isMonth } from '$lib/programme/month-param';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export interface ComplianceActionFailure {
  errors: FieldError[];
  values: FeedbackActionValues;
}

/** The check and the item answered "no" (404 for anything else). */
async function readSource(event: RequestEvent, itemRaw: string | null) {
  const { month, ref } = event.params;
  const item = v.safeParse(v.picklist(COMPLIANCE_ITEMS), itemRaw ?? '');
  if (!isMonth(month) || !/^[A-Za-z0-9-]{1,32}$/.test(ref) || !item.success) error(404, 'Page not found');
  const api = createApi(event);
  const check = await complianceApi(api).check(complianceCheckId(month, ref));
  if (!check || check.value.answers[item.output] !== 'no') error(404, 'Page not found');
  return { api, check: check.value, item: item.output as ComplianceItem };
}

export const load: PageServerLoad = async (event) => {
  const { api, check, item } = await readSource(event, event.url.searchParams.get('item'));
  const { value: checkedCase } = await api.caseByRef(check.caseRef);
  const owners = await teamStaff(api, checkedCase.teamId);
  const holder = checkedCase.holderId && owners.some((o) => o.value === checkedCase.holderId) ? checkedCase.holderId : '';
  const note = check.notes[item] ?? '';
  return {
    check: { id: check.id, month: check.month, caseRef: check.caseRef },
    item,
    note,
    owners,
    initial: { teamId: '', finding: note, description: '', ownerId: holder, dueDate: { ...EMPTY_DATE }, priority: 'medium' } satisfies FeedbackActionValues,
    idempotencyKey: randomUUID(),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const { api, check, item } = await readSource(event, formText(form, 'item'));
    const values = feedbackActionValuesFromForm(form);
    const parsed = complianceActionBody({ checkId: check.id, item }, values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies ComplianceActionFailure);
    let raised;
    try {
      raised = await actionApi(api).raise(parsed.body, formText(form, 'idempotencyKey') || undefined);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      const errors = feedbackActionErrorsFromProblem(e.problem.errors).map((x) => (x.field.startsWith('source') ? { ...x, field: 'form' } : x));
      return fail(e.status === 400 ? 400 : 409, { errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }], values } satisfies ComplianceActionFailure);
    }
    redirect(303, `/actions/${encodeURIComponent(raised.id)}?raised`);
  },
};
