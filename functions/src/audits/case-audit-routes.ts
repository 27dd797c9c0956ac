/** `/v1/cases/{ref}/audits`: a case's audit history, newest first, for whoever may see the case. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { ListAuditsQuery } from '@waypoint/shared/audits/audit-schemas';
import { CaseRef } from '@waypoint/shared/cases/case-schemas';
import type { AppEnv } from '../api/app-env.ts';
import { canSeeCase, caseViewer } from '../cases/case-scope.ts';
import { findCase } from '../cases/case-store.ts';
import { notFound } from '../platform/http/api-error.ts';
import { DEFAULT_PAGE_SIZE } from '../platform/http/pagination.ts';
import { readParam, readQuery } from '../platform/http/validation.ts';
import { listAudits } from './audit-list.ts';

const { month, state, limit, cursor } = ListAuditsQuery.entries;
export const CaseAuditsQuery = v.object({ month, state, limit, cursor });

export const caseAuditRoutes = new Hono<AppEnv>();

caseAuditRoutes.get('/:ref/audits', async (c) => {
  const { tenant, staff } = c.var;
  const ref = readParam(c, 'ref', CaseRef);
  const viewer = await caseViewer(tenant, staff);
  const found = viewer.scope === 'none' ? undefined : await findCase(tenant, ref);
  if (!found || !canSeeCase(viewer, found)) throw notFound('case');
  const query = readQuery(c, CaseAuditsQuery);
  const filters = { caseRef: found.ref, month: query.month, state: query.state };
  return c.json(await listAudits({ tenant, viewer, filters, limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor }));
});
