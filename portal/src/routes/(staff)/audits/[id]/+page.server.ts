/**
 * An audit's record: header, each section's answers and grade, the overall judgement,
 * safeguarding, actions and reflections. The case holder and a student who took part add
 * their reflection here.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { CreateReflectionBody } from '@waypoint/shared/audits/reflection-schemas';
import { auditApi } from '$lib/audits/audit-api.server';
import { auditIdFrom, readAuditContext } from '$lib/audits/audit-context.server';
import { formText } from '$lib/audits/form-values';
import { sectionProgress } from '$lib/audits/section-progress';
import { fileApi } from '$lib/files/file-api.server';
import { fieldErrorsFromIssues, fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
  planned: 'Audit planned. The case holder has been told.',
  meeting: 'The meeting has been saved. The case holder has been told.',
  meetingCancelled: 'The meeting booking has been cancelled. The case holder has been told.',
  saved: 'Your answers have been saved as a draft.',
  completed: 'Audit completed. The case holder has been told.',
  cancelled: 'Audit cancelled.',
  reopened: 'Audit reopened. It is in progress again.',
  action: 'Action raised.',
  impact: 'Your answer about the action has been saved.',
  reflected: 'Your reflection has been added to the audit.',
  viewGiven: 'Your view on the grade has been saved. If you disagreed, your auditor and the QA team have been told.',
  replied: 'Your reply has been saved. They have been told.',
};

export interface ReflectionFailure {
  errors: FieldError[];
  text: string;
}

export const load: PageServerLoad = async (event) => {
  // Every read goes out at once, without waiting for the layout: its /me and /settings are the
  // ones this load uses (shared within the request, see api.ts), and the teams and files need
  // only the audit's id. The audit's own answer decides first (a 404, a 403), as before.
  const id = auditIdFrom(event.params.id);
  const api = createApi(event);
  const reading = readAuditContext(event);
  const alongside = Promise.allSettled([api.teams(), fileApi(api).everyAuditFile(id)] as const);
  const context = await reading;
  const [teamsRead, filesRead] = await alongside;
  const teams = valueOf(teamsRead);
  const files = valueOf(filesRead);
  const notice = [...event.url.searchParams.keys()].map((k) => NOTICES[k]).find(Boolean);
  return {
    ...context,
    teamName: teams.items.find((t) => t.id === context.audit.teamId)?.name ?? 'Another team',
    progress: sectionProgress(context.template, context.audit.answers),
    files,
    notice: notice ?? null,
    // A reflection's confirmation is shown beside the reflections, where the page opens.
    reflected: event.url.searchParams.has('reflected'),
    reflectionKey: randomUUID(),
  };
};

/** A read that went out beside the audit: its value, or its failure (a redirect, an error page) once the audit has been read. */
function valueOf<T>(read: PromiseSettledResult<T>): T {
  if (read.status === 'rejected') throw read.reason;
  return read.value;
}

export const actions: Actions = {
  reflect: async (event) => {
    const context = await readAuditContext(event);
    if (!context.can.reflectAs) error(403, 'You do not have access to this page');
    const form = await event.request.formData();
    const text = formText(form, 'reflection');
    const parsed = v.safeParse(CreateReflectionBody, { text });
    if (!parsed.success) {
      return fail(400, { errors: fieldErrorsFromIssues(parsed.issues, { text: 'Write your reflection' }).map((e) => ({ ...e, field: 'reflection' })), text } satisfies ReflectionFailure);
    }
    const key = formText(form, 'idempotencyKey');
    try {
      await auditApi(createApi(event)).addReflection(context.audit.id, parsed.output.text, key || undefined);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const errors = fieldErrorsFromProblem(e.problem.errors, {}).map((x) => ({ ...x, field: 'reflection' }));
      return fail(e.status === 400 ? 400 : 409, {
        errors: errors.length > 0 ? errors : [{ field: 'reflection', message: e.problem.detail ?? e.problem.title }],
        text,
      } satisfies ReflectionFailure);
    }
    // No fragment: a page opened at one skips autofocus, and the confirmation beside the reflections takes focus (and scrolls there) itself.
    redirect(303, `/audits/${encodeURIComponent(context.audit.id)}?reflected=1`);
  },
};
