/** Raising an action from a finding in one section: description, owner from the case's team, due date and priority → POST /v1/actions. */
import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import type { Case } from '@waypoint/shared/cases/case-schemas';
import { actionBodyFromForm, actionErrorsFromProblem, actionValuesFromForm, type ActionFormValues } from '$lib/audits/action-form';
import { teamStaff } from '$lib/actions/team-staff.server';
import { auditApi } from '$lib/audits/audit-api.server';
import { readAuditContext } from '$lib/audits/audit-context.server';
import { EMPTY_DATE } from '$lib/audits/date-parts';
import { formText } from '$lib/audits/form-values';
import type { FieldError } from '$lib/forms/form-errors';
import { createApi, type Api } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export interface ActionFailure {
  errors: FieldError[];
  values: ActionFormValues;
}

/**
 * The API takes owners from the team that holds the case now, which is the audit's team
 * unless the case has moved since; a case the caller can no longer see keeps the audit's.
 */
async function currentTeamOf(api: Api, caseRef: string, auditTeam: string): Promise<string> {
  try {
    return (await api.getJson<Case>(`/v1/cases/${encodeURIComponent(caseRef)}`, { handle: [403, 404] })).teamId;
  } catch (e) {
    if (e instanceof ApiError) return auditTeam;
    throw e;
  }
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const context = await readAuditContext(event, { me });
  if (!context.can.raiseActions) redirect(303, `/audits/${encodeURIComponent(context.audit.id)}`);
  const requested = event.url.searchParams.get('section') ?? '';
  const sections = context.template.sections.map((s) => ({ value: s.id, label: s.title }));
  const api = createApi(event);
  return {
    audit: { id: context.audit.id, caseRef: context.audit.caseRef },
    sections,
    owners: await teamStaff(api, await currentTeamOf(api, context.audit.caseRef, context.audit.teamId)),
    initial: {
      sectionId: sections.some((s) => s.value === requested) ? requested : '',
      description: '',
      finding: '',
      ownerId: '',
      dueDate: { ...EMPTY_DATE },
      priority: 'medium',
    } satisfies ActionFormValues,
    idempotencyKey: randomUUID(),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const context = await readAuditContext(event);
    const form = await event.request.formData();
    const values = actionValuesFromForm(form);
    if (!context.can.raiseActions) error(403, 'You do not have access to this page');
    if (!context.template.sections.some((s) => s.id === values.sectionId) && values.sectionId !== '') {
      return fail(400, { errors: [{ field: 'sectionId', message: 'Select the section the finding is in' }], values } satisfies ActionFailure);
    }
    const parsed = actionBodyFromForm(context.audit.id, values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies ActionFailure);
    try {
      await auditApi(createApi(event)).raiseAction(parsed.body, formText(form, 'idempotencyKey') || undefined);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      const errors = actionErrorsFromProblem(e.problem.errors);
      return fail(e.status === 400 ? 400 : 409, {
        errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }],
        values,
      } satisfies ActionFailure);
    }
    redirect(303, `/audits/${encodeURIComponent(context.audit.id)}?action=raised#section-${values.sectionId}`);
  },
};
