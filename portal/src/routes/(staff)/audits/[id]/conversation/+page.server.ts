/** The audit conversation: when it happened, the period reviewed, and who took part; saved as a draft with If-Match. */
import { error, fail, redirect } from '@sveltejs/kit';
import { auditApi } from '$lib/audits/audit-api.server';
import { readAuditContext } from '$lib/audits/audit-context.server';
import { conversationPatchFromForm, conversationValuesFromAudit, conversationValuesFromForm, type ConversationFormValues } from '$lib/audits/conversation-form';
import { formText } from '$lib/audits/form-values';
import { sectionProgress } from '$lib/audits/section-progress';
import { fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { readDirectory } from '$lib/server/cases/case-directory';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export interface ConversationFailure {
  errors: FieldError[];
  values: ConversationFormValues;
  conflict?: boolean;
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const context = await readAuditContext(event, { me });
  // After a refused save the form stays, so what was typed is not lost.
  if (!context.can.edit && event.request.method === 'GET') redirect(303, `/audits/${encodeURIComponent(context.audit.id)}`);
  const directory = await readDirectory(createApi(event), { people: true });
  const { audit } = context;
  return {
    audit: { id: audit.id, caseRef: audit.caseRef, caseType: audit.caseType, templateId: audit.templateId, conversationDate: audit.conversationDate, auditorId: audit.auditorId, caseHolderId: audit.caseHolderId, people: audit.people },
    version: context.version,
    saved: conversationValuesFromAudit(audit),
    students: directory.people.filter((p) => p.role === 'student' || p.id === audit.studentId).map((p) => ({ value: p.id, label: p.name })),
    progress: sectionProgress(context.template, audit.answers),
    firstSectionId: context.template.sections[0]?.id,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const context = await readAuditContext(event);
    const form = await event.request.formData();
    const values = conversationValuesFromForm(form);
    if (!context.can.edit) {
      return fail(409, { errors: [{ field: 'form', message: 'This audit can no longer be changed. Your changes have not been saved.' }], values } satisfies ConversationFailure);
    }
    const version = formText(form, 'version');
    if (!/^\d+$/.test(version)) return fail(400, { errors: [{ field: 'form', message: 'Reload the page and enter the details again' }], values } satisfies ConversationFailure);
    const parsed = conversationPatchFromForm(context.template, values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies ConversationFailure);
    try {
      await auditApi(createApi(event)).updateAudit(context.audit.id, version, parsed.body);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      if (e.status === 412 || e.status === 428) return fail(412, { errors: [], values, conflict: true } satisfies ConversationFailure);
      const errors = fieldErrorsFromProblem(e.problem.errors, {});
      return fail(e.status === 400 ? 400 : 409, {
        errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }],
        values,
      } satisfies ConversationFailure);
    }
    const base = `/audits/${encodeURIComponent(context.audit.id)}`;
    const first = context.template.sections[0]?.id;
    if (formText(form, 'intent') === 'draft' || !first) redirect(303, `${base}?saved=1`);
    redirect(303, `${base}/sections/${encodeURIComponent(first)}`);
  },
};
