/**
 * One side's feedback, written once: the person shadowing writes for the practitioner; the
 * practitioner writes about the shadowing and what leaders should change. Neither reads the
 * other's until both have written, or from 14 days after the work.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { formatDate } from '@waypoint/shared/formatting/dates';
import { missingVersion, postedVersion, readShadowing, stepRefused } from '$lib/shadowing/shadowing-context.server';
import { FEEDBACK_FIELDS, feedbackBody, feedbackValuesFromForm } from '$lib/shadowing/shadowing-forms';
import { otherPerson, workWords } from '$lib/shadowing/shadowing-words';
import type { Actions, PageServerLoad } from './$types';

async function readPage(event: Pick<RequestEvent, 'locals' | 'cookies' | 'url' | 'params'>) {
  const found = await readShadowing(event);
  if (!found.view.moves.includes('give-feedback')) redirect(303, `/shadowing/${encodeURIComponent(found.id)}`);
  return found;
}

export const load: PageServerLoad = async (event) => {
  const { id, view, version } = await readPage(event);
  return {
    id,
    version,
    side: view.side,
    work: workWords(view),
    other: otherPerson(view),
    opensOn: formatDate(view.feedbackOpensOn),
    initial: Object.fromEntries(FEEDBACK_FIELDS[view.side].map((f) => [f, ''])),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { id, view, shadowing } = await readPage(event);
    const form = await event.request.formData();
    const values = feedbackValuesFromForm(form, view.side);
    const version = postedVersion(form);
    if (!version) return missingVersion(values);
    const parsed = feedbackBody(values, view.side);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values });
    try {
      await shadowing.giveFeedback(id, version, parsed.body);
    } catch (e) {
      return stepRefused(e, values, FEEDBACK_FIELDS[view.side]);
    }
    redirect(303, `/shadowing/${encodeURIComponent(id)}?feedback`);
  },
};
