/**
 * Check your answers, then complete. Missing required answers are listed before anything
 * is posted; completing posts with If-Match, and a 400 lists what the API found missing.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { auditApi } from '$lib/audits/audit-api.server';
import { readAuditContext } from '$lib/audits/audit-context.server';
import { groupedCompletionProblems, groupedProblemsFromApi, missingByPart, type CompletionProblem } from '$lib/audits/completion-problems';
import { formText } from '$lib/audits/form-values';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export interface CompleteFailure {
  problems: CompletionProblem[];
  conflict?: boolean;
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const context = await readAuditContext(event, { me });
  if (!context.can.edit) redirect(303, `/audits/${encodeURIComponent(context.audit.id)}`);
  const teams = await createApi(event).teams();
  return {
    ...context,
    teamName: teams.items.find((t) => t.id === context.audit.teamId)?.name ?? 'Another team',
    missing: missingByPart(context.template, context.audit),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const context = await readAuditContext(event);
    if (!context.can.edit) redirect(303, `/audits/${encodeURIComponent(context.audit.id)}`);
    const form = await event.request.formData();
    const version = formText(form, 'version');
    if (!/^\d+$/.test(version)) return fail(400, { problems: [{ message: 'Reload the page and try again' }] } satisfies CompleteFailure);
    try {
      await auditApi(createApi(event)).completeAudit(context.audit.id, version);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      if (e.status === 412 || e.status === 428) return fail(412, { problems: [], conflict: true } satisfies CompleteFailure);
      if (e.status === 400) {
        const problems = groupedProblemsFromApi(context.audit.id, context.template, e.problem.errors);
        return fail(400, { problems: problems.length > 0 ? problems : [{ message: e.problem.detail ?? e.problem.title }] } satisfies CompleteFailure);
      }
      // A planned audit has no answers yet, so the lifecycle refuses before counting what is missing.
      const missing = groupedCompletionProblems(context.template, context.audit);
      return fail(409, { problems: missing.length > 0 ? missing : [{ message: e.problem.detail ?? e.problem.title }] } satisfies CompleteFailure);
    }
    redirect(303, `/audits/${encodeURIComponent(context.audit.id)}?completed=1`);
  },
};
