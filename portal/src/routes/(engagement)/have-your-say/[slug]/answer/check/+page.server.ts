/** The answers before sending, each with a way to change it; sending happens once, whatever is posted twice. */
import { redirect } from '@sveltejs/kit';
import { HONEYPOT_FIELD } from '@waypoint/shared/engagement/response-schemas';
import { redirectForRefusal, requestLanguage, requireDraftView, slugFrom } from '$lib/engagement/area.server';
import { answerOf } from '$lib/engagement/form-pages';
import { publicApi } from '$lib/engagement/public-api.server';
import { areaPath, clearSessionCookie } from '$lib/engagement/session-cookie.server';
import type { Actions, PageServerLoad } from './$types';

export interface AnswerRow {
  key: string;
  question: string;
  /** The chosen option's words or the text written; absent when not answered. */
  answer?: string;
  change: string;
}

export const load: PageServerLoad = async ({ parent }) => {
  const { pages, answers, home } = await parent();
  const rows: AnswerRow[] = pages.flatMap((page) =>
    page.questions.map((question) => {
      const value = answerOf(answers, page.sectionId, question.id);
      const answer = question.type === 'choice' ? question.options?.find((o) => o.value === value)?.label : value;
      return { key: `${page.sectionId}.${question.id}`, question: question.label, ...(answer ? { answer } : {}), change: `${home}/answer/${page.number}?return=check` };
    }),
  );
  return { rows, back: `${home}/answer/${pages.length}` };
};

export const actions: Actions = {
  default: async (event) => {
    const slug = slugFrom(event.params.slug);
    const { token } = await requireDraftView(event, slug, requestLanguage(event));
    const form = await event.request.formData();
    const website = form.get(HONEYPOT_FIELD);
    const sent = await publicApi.submit(slug, token, typeof website === 'string' && website ? { website } : {});
    if (!sent.ok) {
      if (sent.status === 401) clearSessionCookie(event.cookies, slug);
      if (sent.status === 410 && sent.reason !== 'activity-not-open') redirect(303, `${areaPath(slug)}/thank-you`);
      redirectForRefusal(slug, sent, 'session-expired');
    }
    redirect(303, `${areaPath(slug)}/thank-you`);
  },
};
