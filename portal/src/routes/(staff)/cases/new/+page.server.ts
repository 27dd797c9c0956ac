/** Adding one case by hand: the authority's reference, team and type, with the optional details of the edit form. */
import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { CreateCaseBody } from '@waypoint/shared/cases/case-schemas';
import { CASE_EDITORS, isStaffRole } from '@waypoint/shared/tenancy/roles';
import { CASE_FORM_MESSAGES, caseFormValuesFromForm, type CaseFormValues } from '$lib/cases/case-form';
import { fieldErrorsFromIssues, fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { readDirectory } from '$lib/server/cases/case-directory';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

type NewCaseValues = CaseFormValues & { ref: string };
const MESSAGES = { ...CASE_FORM_MESSAGES, ref: 'Enter the case reference: letters, digits and hyphens only' };

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!isStaffRole(me.role) || !CASE_EDITORS.includes(me.role)) error(403, 'You do not have access to this page');
  // Team managers add cases to their own teams only.
  const directory = await readDirectory(createApi(event), { people: true });
  const teams = me.role === 'manager' ? directory.teams.filter((t) => me.teams.some((mine) => mine.id === t.id)) : directory.teams;
  return { directory: { ...directory, teams } };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values: NewCaseValues = { ...caseFormValuesFromForm(form), ref: String(form.get('ref') ?? '').trim(), status: 'open' };
    const candidate: Record<string, unknown> = { ref: values.ref, teamId: values.teamId, caseType: values.caseType };
    if (values.ageBand) candidate.ageBand = values.ageBand;
    if (values.holderId) candidate.holderId = values.holderId;
    if (values.label.trim()) candidate.label = values.label.trim();
    const parsed = v.safeParse(CreateCaseBody, candidate);
    if (!parsed.success) return fail(400, { errors: fieldErrorsFromIssues(parsed.issues, MESSAGES), values });
    try {
      const created = await createApi(event).createCase(parsed.output, String(form.get('idempotencyKey') ?? randomUUID()).slice(0, 64));
      redirect(303, `/cases/${encodeURIComponent(created.ref)}?saved=1`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      let errors: FieldError[] = fieldErrorsFromProblem(e.problem.errors, MESSAGES);
      if (e.status === 409) errors = [{ field: 'ref', message: 'A case with that reference already exists' }];
      if (errors.length === 0) errors = [{ field: 'form', message: e.problem.detail ?? 'Check your answers' }];
      return fail(e.status, { errors, values });
    }
  },
};
