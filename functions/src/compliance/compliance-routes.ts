/**
 * `/v1/compliance`: records compliance audits. QA officers and senior managers draw the
 * month's cases, check them against the checklist and read the report; to every other role
 * each route is a 403. An item answered "no" raises an action through `/v1/actions` with a
 * `compliance` source (actions/compliance-origin.ts).
 */
import { Hono } from 'hono';
import { complianceReportCsv } from '@waypoint/shared/compliance/compliance-report';
import { COMPLIANCE_ROLES } from '@waypoint/shared/compliance/compliance-roles';
import { ComplianceExportQuery, ComplianceReportQuery } from '@waypoint/shared/compliance/compliance-schemas';
import type { AppEnv } from '../api/app-env.ts';
import { requireRole } from '../platform/auth/caller.ts';
import { readQuery } from '../platform/http/validation.ts';
import { complianceCheckRoutes } from './compliance-check-routes.ts';
import { complianceProgrammeRoutes } from './compliance-programme-routes.ts';
import { readComplianceReport } from './compliance-report-view.ts';

export const complianceRoutes = new Hono<AppEnv>();

complianceRoutes.get('/report', async (c) => {
  requireRole(c.var.staff, COMPLIANCE_ROLES);
  return c.json(await readComplianceReport(c.var.tenant, readQuery(c, ComplianceReportQuery)));
});

complianceRoutes.get('/report/export', async (c) => {
  requireRole(c.var.staff, COMPLIANCE_ROLES);
  const { figure, ...query } = readQuery(c, ComplianceExportQuery);
  const { filename, csv } = complianceReportCsv(await readComplianceReport(c.var.tenant, query), figure);
  return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` });
});

complianceRoutes.route('/', complianceProgrammeRoutes);
complianceRoutes.route('/', complianceCheckRoutes);
