/** One case: its details for everyone in scope, and an edit form (If-Match from a hidden version) for editors. */
import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { CaseRef, LEGAL_HOLD_ROLES } from '@waypoint/shared/cases/case-schemas';
import { CASE_EDITORS, isStaffRole } from '@waypoint/shared/tenancy/roles';
import { canExportForSubjectAccess } from '@waypoint/shared/subject-access/subject-access-schemas';
import { auditApi } from '$lib/audits/audit-api.server';
import { readGradeLabels } from '$lib/audits/audit-context.server';
import { canReadAudits, canRunAudits } from '$lib/audits/audit-permissions';
import { fieldErrorsFromProblem } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { CASE_FORM_MESSAGES, caseFormValuesFromForm, caseUpdateFromForm, type CaseFormFailure } from '$lib/cases/case-form';
import { readDirectory } from '$lib/server/cases/case-directory';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

/** The newest audits of a case; the full history is on the audits page, filtered by case. */
const CASE_AUDITS = 12;

function refFrom(raw: string): string {
  // A malformed reference cannot name a case: the same 404 as a case that does not exist.
  if (!v.is(CaseRef, raw)) error(404, 'Page not found');
  return raw;
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const ref = refFrom(event.params.ref);
  const api = createApi(event);
  const canEdit = isStaffRole(me.role) && CASE_EDITORS.includes(me.role);
  const auditHistory = canReadAudits(me.role) ? Promise.all([auditApi(api).caseAudits(ref, { limit: CASE_AUDITS }), readGradeLabels(api)]).then(([page, gradeLabels]) => ({ ...page, gradeLabels })) : Promise.resolve(null);
  const [found, directory, audits] = await Promise.all([api.caseByRef(ref), readDirectory(api, { people: true }), auditHistory]);
  // A reference typed in another case ("nv-00001") opens the case at the address of its stored form;
  // an old reference (changed by a reference changes import) opens it too, saying so.
  if (found.value.ref.toUpperCase() !== ref.toUpperCase()) redirect(301, `/cases/${encodeURIComponent(found.value.ref)}?renamedFrom=${encodeURIComponent(ref)}`);
  if (found.value.ref !== ref) redirect(301, `/cases/${encodeURIComponent(found.value.ref)}${event.url.search}`);
  const renamedFrom = event.url.searchParams.get('renamedFrom');
  return {
    caseRecord: found.value,
    audits,
    canPlanAudit: canRunAudits(me.role),
    version: found.version,
    canEdit,
    canExport: canExportForSubjectAccess(me.role),
    canHold: (LEGAL_HOLD_ROLES as readonly string[]).includes(me.role),
    directory,
    saved: event.url.searchParams.get('saved') === '1',
    renamedFrom: renamedFrom !== null && v.is(CaseRef, renamedFrom) ? renamedFrom : null,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const ref = refFrom(event.params.ref);
    const me = await createApi(event).me();
    if (!isStaffRole(me.role) || !CASE_EDITORS.includes(me.role)) error(403, 'You do not have access to this page');
    const form = await event.request.formData();
    const values = caseFormValuesFromForm(form);
    const version = form.get('version');
    if (typeof version !== 'string' || !/^\d+$/.test(version)) {
      return fail(400, { errors: [{ field: 'form', message: 'Reload the page and make your changes again' }], values } satisfies CaseFormFailure);
    }
    // The holder list is offered only when the editor may list staff; otherwise the holder is left as it is.
    const holderEditable = form.get('holderEditable') === '1';
    const parsed = caseUpdateFromForm(values, { holderEditable });
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies CaseFormFailure);

    try {
      await createApi(event).updateCase(ref, version, parsed.body);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 412 || e.status === 409) {
        // The page reloads the latest version; the form keeps what they typed, against the new version.
        return fail(412, { errors: [], values, conflict: true } satisfies CaseFormFailure);
      }
      if (e.status === 400) {
        const errors = fieldErrorsFromProblem(e.problem.errors, CASE_FORM_MESSAGES);
        return fail(400, {
          errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? 'Check your answers' }],
          values,
        } satisfies CaseFormFailure);
      }
      return fail(e.status, { errors: [{ field: 'form', message: 'Reload the page and make your changes again' }], values } satisfies CaseFormFailure);
    }
    redirect(303, `/cases/${encodeURIComponent(ref)}?saved=1`);
  },
};
