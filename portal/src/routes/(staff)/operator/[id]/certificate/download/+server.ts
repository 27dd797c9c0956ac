/** The certificate of deletion as a plain-text file to keep with the authority's offboarding papers. */
import { error } from '@sveltejs/kit';
import { certificateText } from '$lib/operator/deletion-certificate';
import { requireOperator } from '$lib/operator/operator-access.server';
import { authorityIdFrom } from '$lib/operator/authority-page.server';
import { operatorApi } from '$lib/operator/operator-api.server';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const api = createApi(event);
  requireOperator(await api.me());
  const id = authorityIdFrom(event.params.id);
  try {
    const deletion = await operatorApi(api).deletion(id);
    if (deletion.step !== 'done') error(404, 'Page not found');
    return new Response(certificateText(deletion), {
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'content-disposition': `attachment; filename="certificate-of-deletion-${deletion.certificateNumber ?? id}.txt"`,
        'cache-control': 'no-store',
      },
    });
  } catch (e) {
    if (e instanceof ApiError) error(404, 'Page not found');
    throw e;
  }
};
