/**
 * The auditor or a QA officer replies to someone who disagreed with a section's grade. The
 * reply quotes the version read, so a changed reason is never answered unseen.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { GradeViewReplyBody } from '@waypoint/shared/audits/grade-view-schemas';
import { auditApi } from '$lib/audits/audit-api.server';
import { readAuditContext } from '$lib/audits/audit-context.server';
import { formText } from '$lib/audits/form-values';
import { fieldErrorsFromIssues, fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export interface GradeReplyFailure {
  errors: FieldError[];
  text: string;
  conflict?: boolean;
}

const MESSAGES: Record<string, string> = { text: 'Write your reply, in at most 2000 characters' };

async function readPage(event: RequestEvent) {
  const context = await readAuditContext(event);
  const { audit, template, me } = context;
  if (audit.auditorId !== me.user.id && me.role !== 'qa') error(403, 'You do not have access to this page');
  const section = template.sections.find((s) => s.id === event.params.sectionId);
  const views = await auditApi(createApi(event)).gradeViews(audit.id);
  const view = views.value.views.find((g) => g.sectionId === section?.id && g.personId === event.params.personId);
  if (!section || !view || view.agrees) error(404, 'Page not found');
  return { context, section: { id: section.id, title: section.title }, view, who: views.value.people[view.personId] ?? 'Someone no longer listed', viewsVersion: views.version };
}

export const load: PageServerLoad = async (event) => {
  const page = await readPage(event);
  return {
    audit: page.context.audit,
    gradeLabels: page.context.gradeLabels,
    section: page.section,
    view: page.view,
    who: page.who,
    viewsVersion: page.viewsVersion,
    canModerate: page.context.me.role === 'qa' && page.context.audit.auditorId !== page.context.me.user.id,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const page = await readPage(event);
    const form = await event.request.formData();
    const text = formText(form, 'text');
    const parsed = v.safeParse(GradeViewReplyBody, { text });
    if (!parsed.success) return fail(400, { errors: fieldErrorsFromIssues(parsed.issues, MESSAGES), text } satisfies GradeReplyFailure);
    try {
      await auditApi(createApi(event)).replyToGradeView(page.context.audit.id, page.section.id, page.view.personId, parsed.output.text, formText(form, 'version'));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      if (e.status === 412 || e.status === 428) return fail(409, { errors: [], text, conflict: true } satisfies GradeReplyFailure);
      const errors = fieldErrorsFromProblem(e.problem.errors, MESSAGES);
      return fail(e.status === 400 ? 400 : 409, { errors: errors.length > 0 ? errors : [{ field: 'text', message: e.problem.detail ?? e.problem.title }], text } satisfies GradeReplyFailure);
    }
    redirect(303, `/audits/${encodeURIComponent(page.context.audit.id)}?replied=1`);
  },
};
