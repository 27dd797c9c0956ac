/**
 * The case holder (or the student who took part) says whether they agree with one section's
 * grade of a completed audit, and why not. Changing a view already given quotes its version,
 * so a view changed meanwhile (by them in another tab, or a reply arriving) is not overwritten.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { reflectionRoleOf } from '@waypoint/shared/audits/audit-roles';
import { GradeViewBody } from '@waypoint/shared/audits/grade-view-schemas';
import { auditApi } from '$lib/audits/audit-api.server';
import { readAuditContext } from '$lib/audits/audit-context.server';
import { formText } from '$lib/audits/form-values';
import { fieldErrorsFromIssues, fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export interface GradeViewFailure {
  errors: FieldError[];
  values: { agrees: string; reason: string };
  conflict?: boolean;
}

const MESSAGES: Record<string, string> = { agrees: 'Say whether you agree with the grade', reason: 'Say why you disagree with the grade, in at most 2000 characters' };

async function readPage(event: RequestEvent) {
  const context = await readAuditContext(event);
  const { audit, template, me } = context;
  const role = reflectionRoleOf(audit, me.user.id);
  const section = template.sections.find((s) => s.id === event.params.sectionId);
  const grade = section ? audit.sectionGrades[section.id] : undefined;
  if (!section || !grade) error(404, 'Page not found');
  if (!role || audit.state !== 'completed') error(403, 'You do not have access to this page');
  const views = await auditApi(createApi(event)).gradeViews(audit.id);
  const mine = views.value.views.find((g) => g.sectionId === section.id && g.personId === me.user.id);
  return { context, section: { id: section.id, title: section.title }, grade, mine: mine ?? null, viewsVersion: views.version };
}

export const load: PageServerLoad = async (event) => {
  const page = await readPage(event);
  return { audit: page.context.audit, gradeLabels: page.context.gradeLabels, section: page.section, grade: page.grade, mine: page.mine, viewsVersion: page.viewsVersion };
};

export const actions: Actions = {
  default: async (event) => {
    const page = await readPage(event);
    const form = await event.request.formData();
    const values = { agrees: formText(form, 'agrees'), reason: formText(form, 'reason') };
    if (values.agrees !== 'yes' && values.agrees !== 'no') return fail(400, { errors: [{ field: 'agrees', message: MESSAGES.agrees! }], values } satisfies GradeViewFailure);
    const agrees = values.agrees === 'yes';
    // Someone agreeing may have typed a reason before changing their mind: it is not sent.
    const parsed = v.safeParse(GradeViewBody, agrees ? { agrees } : { agrees, reason: values.reason });
    if (!parsed.success) return fail(400, { errors: fieldErrorsFromIssues(parsed.issues, MESSAGES), values } satisfies GradeViewFailure);
    const version = formText(form, 'version');
    try {
      await auditApi(createApi(event)).giveGradeView(page.context.audit.id, page.section.id, parsed.output, page.mine ? version : undefined);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      if (e.status === 412 || e.status === 428) return fail(409, { errors: [], values, conflict: true } satisfies GradeViewFailure);
      const errors = fieldErrorsFromProblem(e.problem.errors, MESSAGES);
      return fail(e.status === 400 ? 400 : 409, { errors: errors.length > 0 ? errors : [{ field: 'agrees', message: e.problem.detail ?? e.problem.title }], values } satisfies GradeViewFailure);
    }
    redirect(303, `/audits/${encodeURIComponent(page.context.audit.id)}?viewGiven=1`);
  },
};
