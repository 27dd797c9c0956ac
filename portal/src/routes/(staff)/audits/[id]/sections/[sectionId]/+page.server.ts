/**
 * One section of the audit form. Saving sends the whole section as a draft with If-Match
 * from the hidden version; if someone else saved first (412) the page shows their answers
 * and keeps everything typed. The section's evidence files are listed under the form, with a
 * form that sends another straight to the storage service (works with JavaScript off).
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { auditApi } from '$lib/audits/audit-api.server';
import { readAuditContext, type AuditContext } from '$lib/audits/audit-context.server';
import { formText } from '$lib/audits/form-values';
import { sectionPatchFromForm, sectionValuesFromAnswers, sectionValuesFromForm, type SectionFormValues } from '$lib/audits/section-form';
import { nextSectionId, sectionProgress } from '$lib/audits/section-progress';
import { auditSectionFiles, fileApi } from '$lib/files/file-api.server';
import { uploadFormFor } from '$lib/files/form-upload.server';
import { FILE_PROBLEMS, isFileProblem } from '$lib/files/file-words';
import { fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export interface SectionFailure {
  errors: FieldError[];
  values: SectionFormValues;
  conflict?: boolean;
}

function sectionOf(context: AuditContext, sectionId: string | undefined) {
  const section = context.template.sections.find((s) => s.id === sectionId);
  if (!section) error(404, 'Page not found');
  return section;
}

const recordHref = (context: AuditContext, suffix = '') => `/audits/${encodeURIComponent(context.audit.id)}${suffix}`;

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const context = await readAuditContext(event, { me });
  const section = sectionOf(context, event.params.sectionId);
  // Only an audit that can still change has a form; everyone else reads the record. After a
  // refused save the form stays, so what was typed can still be copied.
  if (!context.can.edit && event.request.method === 'GET') redirect(303, recordHref(context, `#section-${section.id}`));
  const index = context.template.sections.indexOf(section);
  const parent = auditSectionFiles(context.audit.id, section.id);
  const [files, uploadForm] = await Promise.all([fileApi(createApi(event)).list(parent), uploadFormFor(event, parent, recordHref(context, `/sections/${encodeURIComponent(section.id)}`))]);
  const problem = event.url.searchParams.get('fileProblem');
  return {
    files: files.items,
    uploadForm,
    fileNotice: event.url.searchParams.has('attached') ? 'File attached. It can be opened once it has been checked.' : null,
    fileProblem: isFileProblem(problem) ? FILE_PROBLEMS[problem] : null,
    audit: { id: context.audit.id, caseRef: context.audit.caseRef, templateName: context.audit.templateName, conversationDate: context.audit.conversationDate, safeguardingSections: context.audit.safeguardingSections },
    version: context.version,
    section,
    position: { number: index + 1, of: context.template.sections.length },
    saved: sectionValuesFromAnswers(section, context.audit.answers),
    savedAnswers: context.audit.answers[section.id] ?? {},
    progress: sectionProgress(context.template, context.audit.answers),
    gradeLabels: context.gradeLabels,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const context = await readAuditContext(event);
    const section = sectionOf(context, event.params.sectionId);
    const form = await event.request.formData();
    const values = sectionValuesFromForm(section, form);
    if (!context.can.edit) {
      return fail(409, { errors: [{ field: 'form', message: 'This audit can no longer be changed. Your answers have not been saved.' }], values } satisfies SectionFailure);
    }
    const version = formText(form, 'version');
    if (!/^\d+$/.test(version)) return fail(400, { errors: [{ field: 'form', message: 'Reload the page and enter your answers again' }], values } satisfies SectionFailure);
    const parsed = sectionPatchFromForm(context.template, section, values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies SectionFailure);

    try {
      await auditApi(createApi(event)).updateAudit(context.audit.id, version, parsed.body);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      if (e.status === 412 || e.status === 428) return fail(412, { errors: [], values, conflict: true } satisfies SectionFailure);
      const errors = fieldErrorsFromProblem(e.problem.errors, {});
      return fail(e.status === 400 ? 400 : 409, {
        errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }],
        values,
      } satisfies SectionFailure);
    }

    if (formText(form, 'intent') === 'draft') redirect(303, recordHref(context, '?saved=1'));
    const next = nextSectionId(context.template, section.id);
    redirect(303, recordHref(context, next ? `/sections/${encodeURIComponent(next)}` : '/check'));
  },
};
