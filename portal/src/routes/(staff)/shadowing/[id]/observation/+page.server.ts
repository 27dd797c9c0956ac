/**
 * What the person shadowing saw, on the observation template the shadowing pinned when booked:
 * strengths, learning and what the child experienced, and the themes the learning view counts.
 * It can be changed until they give their feedback.
 */
import { fail, redirect } from '@sveltejs/kit';
import { isWithheld } from '@waypoint/shared/shadowing/shadowing-schemas';
import { SHADOWING_THEMES, SHADOWING_THEME_LABELS } from '@waypoint/shared/shadowing/shadowing-themes';
import { createApi } from '$lib/server/api';
import { templateApi } from '$lib/templates/template-api.server';
import { observationBody, observationValuesFromForm, observationValuesFromSaved, type ObservationValues } from '$lib/shadowing/observation-form';
import { missingVersion, postedVersion, readShadowing, stepRefused } from '$lib/shadowing/shadowing-context.server';
import { workWords } from '$lib/shadowing/shadowing-words';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function readPage(event: Pick<RequestEvent, 'locals' | 'cookies' | 'url' | 'params'>) {
  const found = await readShadowing(event);
  if (!found.view.moves.includes('observe')) redirect(303, `/shadowing/${encodeURIComponent(found.id)}`);
  const template = await templateApi(createApi(event)).version(found.view.templateId, found.view.templateVersion);
  return { ...found, template: { sections: template.sections } };
}

export const load: PageServerLoad = async (event) => {
  const { id, view, version, template } = await readPage(event);
  const saved = view.observation && !isWithheld(view.observation) ? view.observation : undefined;
  return {
    id,
    version,
    work: workWords(view),
    template,
    themes: SHADOWING_THEMES.map((t) => ({ value: t, label: SHADOWING_THEME_LABELS[t] })),
    initial: observationValuesFromSaved(template, saved),
    changing: saved !== undefined,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { id, shadowing, template } = await readPage(event);
    const form = await event.request.formData();
    const values: ObservationValues = observationValuesFromForm(template, form);
    const version = postedVersion(form);
    if (!version) return missingVersion(values);
    const parsed = observationBody(template, values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values });
    try {
      await shadowing.observe(id, version, parsed.body);
    } catch (e) {
      return stepRefused(e, values, []);
    }
    redirect(303, `/shadowing/${encodeURIComponent(id)}?observed`);
  },
};
