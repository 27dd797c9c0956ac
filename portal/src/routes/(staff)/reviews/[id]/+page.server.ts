/**
 * One thematic review: its question and cohort with where each case's review stands, and the
 * lead's steps (start, findings and themes, recommendations), a senior manager's sign-off and
 * publication, each a form posting the version read, so a change made meanwhile is a
 * "changed by someone else" problem rather than lost work.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { fieldErrorsFromProblem, type FieldError } from '$lib/forms/form-errors';
import { reviewApi } from '$lib/reviews/review-api.server';
import { canReadReviews } from '$lib/reviews/review-permissions';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const NOTICES: Record<string, string> = {
  created: 'Review set up. Next, choose its cases.',
  cohort: 'The cohort has been chosen.',
  started: 'The review has started. Each reviewer has been told which cases are theirs.',
  findings: 'Findings and themes saved.',
  recommended: 'Recommendation added.',
  action: 'Action raised. Its owner has been told.',
  signed: 'The review is signed off.',
  published: 'The review is published. Every member of staff can now read it.',
};

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canReadReviews(me.role)) error(404, 'Page not found');
  const { value: review, version } = await reviewApi(createApi(event)).read(event.params.id);
  const notice = [...event.url.searchParams.keys()].map((k) => NOTICES[k]).find(Boolean);
  return { review, version, me: { userId: me.user.id }, notice: notice ?? null };
};

export interface StepFailure {
  errors: FieldError[];
  values?: Record<string, string>;
}

async function run(event: RequestEvent, doIt: (form: FormData, version: string) => Promise<unknown>, notice: string, values: (form: FormData) => Record<string, string> = () => ({})) {
  const form = await event.request.formData();
  const version = String(form.get('version') ?? '');
  try {
    await doIt(form, version);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const errors = e.status === 400 ? fieldErrorsFromProblem(e.problem.errors, {}) : [];
    const message = e.status === 412 || e.status === 428 ? 'Someone else changed this review while you were working. The page now shows the latest; make your change again.' : (e.problem.detail ?? 'Check your answers');
    return fail(e.status, { errors: errors.length ? errors : [{ field: 'form', message }], values: values(form) } satisfies StepFailure);
  }
  redirect(303, `/reviews/${encodeURIComponent(event.params.id)}?${notice}=1`);
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
  start: (event) => run(event, (_f, version) => reviewApi(createApi(event)).start(event.params.id, version), 'started'),
  findings: (event) =>
    run(
      event,
      (form, version) =>
        reviewApi(createApi(event)).update(event.params.id, version, {
          findings: text(form, 'findings'),
          themes: text(form, 'themes')
            .split(/\r?\n/)
            .map((t) => t.trim())
            .filter(Boolean),
        }),
      'findings',
      (form) => ({ findings: text(form, 'findings'), themes: text(form, 'themes') }),
    ),
  recommend: (event) =>
    run(
      event,
      (form, version) => reviewApi(createApi(event)).recommend(event.params.id, version, text(form, 'text')),
      'recommended',
      (form) => ({ text: text(form, 'text') }),
    ),
  signOff: (event) =>
    run(
      event,
      (form, version) => reviewApi(createApi(event)).signOff(event.params.id, version, text(form, 'note').trim() || undefined),
      'signed',
      (form) => ({ note: text(form, 'note') }),
    ),
  publish: (event) => run(event, (_f, version) => reviewApi(createApi(event)).publish(event.params.id, version), 'published'),
};
