/** Set up a thematic review: its question and scope, the review tool, who reviews, and by when. */
import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { REVIEWERS } from '@waypoint/shared/reviews/review-roles';
import { ROLE_LABELS } from '@waypoint/shared/tenancy/roles';
import { readDateParts } from '$lib/audits/date-parts';
import { fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { reviewApi } from '$lib/reviews/review-api.server';
import { canSetUpReviews } from '$lib/reviews/review-permissions';
import { reviewFormValues, type ReviewFormValues } from '$lib/reviews/review-form';
import { createApi, type Api } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

async function choices(api: Api) {
  const [people, templates] = await Promise.all([api.users({ limit: 100 }), api.getJson<{ items: { templateId: string; name: string }[] }>('/v1/templates', { query: { kind: 'review' } })]);
  return {
    reviewers: people.items.filter((u) => u.active && (REVIEWERS as readonly string[]).includes(u.role)).map((u) => ({ id: u.id, name: `${u.name} (${ROLE_LABELS[u.role]})` })),
    templates: templates.items.map((t) => ({ value: t.templateId, label: t.name })),
  };
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canSetUpReviews(me.role)) error(403, 'You do not have access to this page');
  return { ...(await choices(createApi(event))), idempotencyKey: randomUUID() };
};

export const actions: Actions = {
  default: async (event) => {
    const api = createApi(event);
    if (!canSetUpReviews((await api.me()).role)) error(403, 'You do not have access to this page');
    const form = await event.request.formData();
    const values = reviewFormValues(form);
    const due = readDateParts(values.casesDueBy, 'The day cases are due by');
    const errors: FieldError[] = [];
    if (!values.title.trim()) errors.push({ field: 'title', message: 'Give the review a short title' });
    if (!values.question.trim()) errors.push({ field: 'question', message: 'Write the question the review will answer' });
    if (!values.scope.trim()) errors.push({ field: 'scope', message: 'Say what the review covers' });
    if (due.kind !== 'date') errors.push({ field: 'casesDueBy', message: due.kind === 'empty' ? 'Enter the day cases are due by' : due.message });
    if (errors.length) return fail(400, { errors, values });
    const key = String(form.get('idempotencyKey') ?? '') || randomUUID();
    let id: string;
    try {
      ({
        value: { id },
      } = await reviewApi(api).create(
        {
          title: values.title,
          question: values.question,
          scope: values.scope,
          casesDueBy: due.kind === 'date' ? due.iso : '',
          withCaseHolder: values.withCaseHolder,
          reviewerIds: values.reviewerIds,
          ...(values.templateId ? { templateId: values.templateId } : {}),
        },
        key,
      ));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const found = fieldErrorsFromProblem(e.problem.errors, {}).map((x) => (x.field.startsWith('reviewerIds') ? { ...x, field: 'reviewerIds' } : x));
      return fail(e.status, { errors: found.length ? found : [{ field: 'form', message: e.problem.detail ?? 'Check your answers' }], values } satisfies { errors: FieldError[]; values: ReviewFormValues });
    }
    redirect(303, `/reviews/${encodeURIComponent(id)}?created=1`);
  },
};
