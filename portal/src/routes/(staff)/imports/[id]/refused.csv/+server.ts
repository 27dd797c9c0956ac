/** The rows an import refused and why, as CSV; cells that look like formulas are escaped by the shared writer. */
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { ImportId } from '@waypoint/shared/imports/import-schemas';
import { toCsv } from '@waypoint/shared/reporting/csv';
import { importApi } from '$lib/imports/import-api.server';
import { createApi } from '$lib/server/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const id = v.safeParse(ImportId, event.params.id);
  if (!id.success) error(404, 'Page not found');
  const imports = importApi(createApi(event));
  const lines: (string | number)[][] = [];
  let cursor: string | undefined;
  do {
    const page = await imports.refused(id.output, cursor);
    for (const item of page.items) for (const reason of item.reasons) lines.push([item.row, item.key, reason.column, reason.message]);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return new Response(toCsv(['Row', 'Reference', 'Column', 'Reason'], lines), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="refused-rows-${id.output}.csv"` },
  });
};
