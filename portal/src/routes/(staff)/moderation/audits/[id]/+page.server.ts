/**
 * Moderating one completed audit: the moderator's grade beside the auditor's for each
 * graded section, with comments, the overall grade and what the moderation found. The
 * first save creates the moderation; a revision quotes the version it started from.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { readAuditContext } from '$lib/audits/audit-context.server';
import { fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { moderationApi } from '$lib/moderation/moderation-api.server';
import { moderationBodyFromForm, moderationFieldFor, moderationValuesFrom, moderationValuesFromForm, type ModerationFormValues } from '$lib/moderation/moderation-form';
import { canModerate } from '$lib/moderation/moderation-permissions';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export interface ModerationFailure {
  errors: FieldError[];
  values: ModerationFormValues;
  /** Someone else saved the moderation first: the form keeps what was typed, against the new version. */
  conflict?: boolean;
}

/** The sections the auditor graded, in the template's order: only those can be moderated. */
function gradedSectionIds(context: Awaited<ReturnType<typeof readAuditContext>>): string[] {
  return context.template.sections.map((s) => s.id).filter((id) => context.audit.sectionGrades[id] !== undefined);
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canModerate(me.role)) error(403, 'You do not have access to this page');
  const context = await readAuditContext(event, { me });
  const sectionIds = gradedSectionIds(context);
  return {
    ...context,
    sectionIds,
    initial: moderationValuesFrom(context.audit.moderation, sectionIds),
    moderationVersion: context.audit.moderation ? String(context.audit.moderation.version) : '',
    ownAudit: context.audit.auditorId === me.user.id || context.audit.completedById === me.user.id,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const context = await readAuditContext(event);
    if (!canModerate(context.me.role)) error(403, 'You do not have access to this page');
    const form = await event.request.formData();
    const values = moderationValuesFromForm(form, gradedSectionIds(context));
    const parsed = moderationBodyFromForm(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies ModerationFailure);
    const version = form.get('moderationVersion');
    try {
      await moderationApi(createApi(event)).moderate(context.audit.id, parsed.body, typeof version === 'string' && /^\d+$/.test(version) ? version : null);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      // 412: changed since it was read; 428: created by someone else since this form was shown.
      if (e.status === 412 || e.status === 428) return fail(412, { errors: [], values, conflict: true } satisfies ModerationFailure);
      const errors = fieldErrorsFromProblem(e.problem.errors, {}).map((x, i) => ({ ...x, field: moderationFieldFor(e.problem.errors?.[i]?.path ?? '') }));
      return fail(e.status === 400 ? 400 : e.status, {
        errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }],
        values,
      } satisfies ModerationFailure);
    }
    redirect(303, `/moderation?month=${context.audit.month}&moderated=${encodeURIComponent(context.audit.caseRef)}`);
  },
};
