/**
 * One shadowing as one of its two people reads it: what, when, how far it has got, the
 * observation and each side's feedback (the other's only once revealed). The practitioner
 * answers here, and the person shadowing may cancel; each post carries the version read.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { isWithheld } from '@waypoint/shared/shadowing/shadowing-schemas';
import { formText } from '$lib/audits/form-values';
import { createApi } from '$lib/server/api';
import { templateApi } from '$lib/templates/template-api.server';
import { shadowingApi } from '$lib/shadowing/shadowing-api.server';
import { answerBody, answerValuesFromForm, type AnswerValues } from '$lib/shadowing/shadowing-forms';
import { londonToday, missingVersion, postedVersion, readShadowing, shadowingIdFrom, stepRefused } from '$lib/shadowing/shadowing-context.server';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
  booked: 'Your request has been sent. You will be emailed when they answer.',
  agreed: 'You agreed to be shadowed. They have been told.',
  declined: 'You declined. They have been told.',
  cancelled: 'The shadowing is cancelled.',
  consent: 'The family’s consent is recorded.',
  withdrawn: 'The family’s withdrawal is recorded. The shadowing has stopped and anything observed has been removed.',
  observed: 'What you saw is saved.',
  feedback: 'Your feedback is saved.',
};

export const load: PageServerLoad = async (event) => {
  const { view, version } = await readShadowing(event);
  const visible = view.observation !== undefined && !isWithheld(view.observation);
  const template = visible ? await templateApi(createApi(event)).version(view.templateId, view.templateVersion) : null;
  const notice = Object.keys(NOTICES).find((k) => event.url.searchParams.has(k));
  return { view, version, today: londonToday(), template: template ? { sections: template.sections } : null, notice: notice ? NOTICES[notice]! : null };
};

async function readPost(event: RequestEvent) {
  const id = shadowingIdFrom(event.params.id);
  const form = await event.request.formData();
  return { id, form, version: postedVersion(form), shadowing: shadowingApi(createApi(event)) };
}

export const actions: Actions = {
  answer: async (event) => {
    const { id, form, version, shadowing } = await readPost(event);
    const values = answerValuesFromForm(form);
    if (!version) return missingVersion(values);
    const parsed = answerBody(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values });
    try {
      await shadowing.answer(id, version, parsed.body);
    } catch (e) {
      return stepRefused<AnswerValues>(e, values, ['answer', 'reason']);
    }
    redirect(303, `/shadowing/${encodeURIComponent(id)}?${parsed.body.answer === 'agree' ? 'agreed' : 'declined'}`);
  },
  cancel: async (event) => {
    const { id, form, version, shadowing } = await readPost(event);
    const values = { answer: '', reason: formText(form, 'cancelReason') };
    if (!version) return missingVersion(values);
    try {
      await shadowing.cancel(id, version, values.reason.trim() ? { reason: values.reason } : {});
    } catch (e) {
      return stepRefused(e, values, ['cancelReason']);
    }
    redirect(303, `/shadowing/${encodeURIComponent(id)}?cancelled`);
  },
};
