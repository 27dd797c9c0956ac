/**
 * The family's consent to a shadowed visit or meeting: either of the two records who gave it
 * (not their name), how and when; later, that it was withdrawn, which stops the shadowing for
 * good. Each post carries the version read, so the other person's change is never overwritten.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { CONSENT_METHODS, CONSENT_METHOD_LABELS } from '@waypoint/shared/shadowing/shadowing-schemas';
import { EMPTY_DATE } from '$lib/audits/date-parts';
import { createApi } from '$lib/server/api';
import { shadowingApi } from '$lib/shadowing/shadowing-api.server';
import { missingVersion, postedVersion, readShadowing, shadowingIdFrom, stepRefused } from '$lib/shadowing/shadowing-context.server';
import { consentBody, consentValuesFromForm, withdrawalBody, withdrawalValuesFromForm, type ConsentValues, type WithdrawalValues } from '$lib/shadowing/shadowing-forms';
import { workWords } from '$lib/shadowing/shadowing-words';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { id, view, version } = await readShadowing(event);
  const mode = view.moves.includes('record-consent') ? ('record' as const) : view.moves.includes('withdraw-consent') ? ('withdraw' as const) : null;
  if (!mode) redirect(303, `/shadowing/${encodeURIComponent(id)}`);
  return {
    id,
    mode,
    version,
    work: workWords(view),
    consent: view.consent ?? null,
    methods: CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD_LABELS[m] })),
    initialConsent: { givenBy: '', how: '', givenOn: { ...EMPTY_DATE } } satisfies ConsentValues,
    initialWithdrawal: { how: '', withdrawnOn: { ...EMPTY_DATE }, note: '' } satisfies WithdrawalValues,
  };
};

async function readPost(event: RequestEvent) {
  const id = shadowingIdFrom(event.params.id);
  const form = await event.request.formData();
  return { id, form, version: postedVersion(form), shadowing: shadowingApi(createApi(event)) };
}

export const actions: Actions = {
  record: async (event) => {
    const { id, form, version, shadowing } = await readPost(event);
    const values = consentValuesFromForm(form);
    if (!version) return missingVersion(values);
    const parsed = consentBody(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values });
    try {
      await shadowing.recordConsent(id, version, parsed.body);
    } catch (e) {
      return stepRefused(e, values, ['givenBy', 'how', 'givenOn']);
    }
    redirect(303, `/shadowing/${encodeURIComponent(id)}?consent`);
  },
  withdraw: async (event) => {
    const { id, form, version, shadowing } = await readPost(event);
    const values = withdrawalValuesFromForm(form);
    if (!version) return missingVersion(values);
    const parsed = withdrawalBody(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values });
    try {
      await shadowing.withdrawConsent(id, version, parsed.body);
    } catch (e) {
      return stepRefused(e, values, ['how', 'withdrawnOn', 'note']);
    }
    redirect(303, `/shadowing/${encodeURIComponent(id)}?withdrawn`);
  },
};
