/**
 * The download behind each "Export for a subject access request" form: a plain form post, so it
 * works with JavaScript off, answered with the ZIP itself (the browser saves it and stays on the
 * page) or, when the reason is missing, a return to the form saying so.
 */
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';

export const REASON_MAX = 500;

/** What the form page says after a refused post, by the `problem` in its address. */
export const REASON_PROBLEMS: Record<string, string> = {
  'reason-missing': 'Say why you are making this export, such as the request’s reference',
  'reason-long': `Keep the reason to ${REASON_MAX} characters or fewer`,
};

export async function subjectAccessDownload(event: RequestEvent, options: { apiPath: string; formPath: string }): Promise<Response> {
  const form = await event.request.formData();
  const raw = form.get('reason');
  const reason = typeof raw === 'string' ? raw.trim() : '';
  if (reason === '') redirect(303, `${options.formPath}?problem=reason-missing`);
  if (reason.length > REASON_MAX) redirect(303, `${options.formPath}?problem=reason-long`);
  let answer: Response;
  try {
    answer = await createApi(event).download(options.apiPath, { reason }, [400]);
  } catch (e) {
    if (e instanceof ApiError) redirect(303, `${options.formPath}?problem=reason-missing`);
    throw e;
  }
  // A big export waits in storage: the API gives a short-lived address to fetch it from.
  if (answer.headers.get('content-type')?.includes('json')) {
    const stored = (await answer.json()) as { downloadUrl: string };
    redirect(303, stored.downloadUrl);
  }
  return new Response(answer.body, {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': answer.headers.get('content-disposition') ?? 'attachment; filename="records.zip"',
      'cache-control': 'no-store',
    },
  });
}
