/** Planning an audit (managers, QA, senior managers): the case, template, type, month and when you will meet, then POST /v1/audits. */
import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { CaseRef } from '@waypoint/shared/cases/case-schemas';
import { auditApi } from '$lib/audits/audit-api.server';
import { canRunAudits } from '$lib/audits/audit-permissions';
import { currentMonth, monthOptions } from '$lib/audits/months';
import { createBodyFromPlan, NO_MEETING, PLAN_FORM_MESSAGES, planValuesFromForm, type PlanFormValues } from '$lib/audits/plan-form';
import { fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { createApi, type Api } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

/** Beyond this many open cases a list is no help; the form asks for the reference instead. */
const MAX_LISTED_CASES = 200;

async function openCases(api: Api): Promise<{ ref: string; label?: string }[] | null> {
  const found: { ref: string; label?: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.cases({ status: 'open', limit: 100, cursor });
    found.push(...page.items.map((c) => ({ ref: c.ref, label: c.label ?? undefined })));
    if (found.length > MAX_LISTED_CASES) return null;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found.sort((a, b) => a.ref.localeCompare(b.ref));
}

export interface PlanFailure {
  errors: FieldError[];
  values: PlanFormValues;
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canRunAudits(me.role)) error(403, 'You do not have access to this page');
  const api = createApi(event);
  const [cases, templates] = await Promise.all([openCases(api), auditApi(api).templates()]);
  const requested = event.url.searchParams.get('case');
  const now = new Date();
  return {
    cases,
    templates: templates.items.filter((t) => t.kind === 'audit'),
    months: monthOptions(now, { before: 1, after: 3 }),
    initial: {
      caseRef: requested && v.is(CaseRef, requested) ? requested : '',
      templateId: '',
      auditType: 'monthly',
      month: currentMonth(now),
      ...NO_MEETING,
    } satisfies PlanFormValues,
    // A fresh key each time the form is shown: posting it twice plans one audit.
    idempotencyKey: randomUUID(),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = planValuesFromForm(form);
    const parsed = createBodyFromPlan(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies PlanFailure);
    const key = form.get('idempotencyKey');
    let created;
    try {
      created = await auditApi(createApi(event)).createAudit(parsed.body, typeof key === 'string' && key ? key : undefined);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      const errors = fieldErrorsFromProblem(e.problem.errors, PLAN_FORM_MESSAGES);
      return fail(e.status === 422 ? 409 : 400, {
        errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }],
        values,
      } satisfies PlanFailure);
    }
    redirect(303, `/audits/${encodeURIComponent(created.value.id)}?planned=1`);
  },
};
