/** One table of the compliance report as CSV, written by the same shared, formula-defusing writer the API's export uses. */
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { complianceReportCsv } from '@waypoint/shared/compliance/compliance-report';
import { COMPLIANCE_REPORT_FIGURES } from '@waypoint/shared/compliance/compliance-schemas';
import { complianceApi } from '$lib/compliance/compliance-api.server';
import { canUseCompliance } from '$lib/compliance/compliance-permissions';
import { reportQuery } from '$lib/compliance/report-filters';
import { createApi } from '$lib/server/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const figure = v.safeParse(v.picklist(COMPLIANCE_REPORT_FIGURES), event.params.figure.replace(/\.csv$/, ''));
  if (!figure.success) error(404, 'Page not found');
  const api = createApi(event);
  const me = await api.me();
  if (!canUseCompliance(me.role)) error(404, 'Page not found');
  const { filename, csv } = complianceReportCsv(await complianceApi(api).report(reportQuery(event.url.searchParams)), figure.output);
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` } });
};
