/**
 * On a re-audit: did one of the previous audit's actions make a difference for the child?
 * → PUT /v1/actions/{id}/impact with If-Match. Someone else's change first (412) keeps what
 * was typed and says so; answering again replaces the answer.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { actionApi } from '$lib/actions/action-api.server';
import { impactBody, impactErrorsFromProblem, impactValuesFromForm, type ImpactValues } from '$lib/actions/impact-form';
import { readAuditContext } from '$lib/audits/audit-context.server';
import { formText } from '$lib/audits/form-values';
import type { FieldError } from '$lib/forms/form-errors';
import { createApi, type Me } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export interface ImpactFailure {
  errors: FieldError[];
  values: ImpactValues;
  /** Someone else changed the action first: nothing was saved. */
  conflict?: boolean;
}

/** The re-audit, and the action when it is one its previous audit raised (404 otherwise). */
async function readReaudit(event: RequestEvent, me?: Me) {
  const context = await readAuditContext(event, me ? { me } : undefined);
  const actionId = event.params.actionId;
  const previous = context.audit.previousAudit;
  if (!v.is(EntityId, actionId) || !previous || !previous.actions.some((a) => a.id === actionId)) error(404, 'Page not found');
  return { context, previous, actionId };
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const { context, previous, actionId } = await readReaudit(event, me);
  const back = `/audits/${encodeURIComponent(context.audit.id)}`;
  if (!context.can.raiseActions) redirect(303, back);
  const { value: action, version } = await actionApi(createApi(event)).action(actionId);
  const answered = action.impact?.reauditId === context.audit.id ? action.impact : undefined;
  return {
    audit: { id: context.audit.id, caseRef: context.audit.caseRef },
    previousMonth: previous.audit.month,
    action: { id: action.id, description: action.description, finding: action.finding ?? null, state: action.state, owner: action.people[action.ownerId] ?? null, impact: action.impact ?? null },
    version,
    initial: { difference: answered?.difference ?? '', comment: answered?.comment ?? '' } satisfies ImpactValues,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { context, actionId } = await readReaudit(event);
    if (!context.can.raiseActions) error(403, 'You do not have access to this page');
    const form = await event.request.formData();
    const values = impactValuesFromForm(form);
    const parsed = impactBody(context.audit.id, values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies ImpactFailure);
    try {
      await actionApi(createApi(event)).impact(actionId, formText(form, 'version'), parsed.body);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 412 || e.status === 428) return fail(412, { errors: [], values, conflict: true } satisfies ImpactFailure);
      if (e.status === 403) error(403, 'You do not have access to this page');
      if (e.status === 404) error(404, 'Page not found');
      const errors = impactErrorsFromProblem(e.problem.errors);
      return fail(e.status === 400 ? 400 : 409, { errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }], values } satisfies ImpactFailure);
    }
    redirect(303, `/audits/${encodeURIComponent(context.audit.id)}?impact#reaudit`);
  },
};
