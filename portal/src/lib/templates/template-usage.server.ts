/**
 * Which versions of a template the audits still open are using, so the editor can say
 * "audits in progress use version 2". The API has no count by template, so open audits
 * are read a page at a time (an authority has tens open at once) and counted here.
 */
import { auditApi } from '../audits/audit-api.server.ts';
import { canReadAudits } from '../audits/audit-permissions.ts';
import type { Api, Me } from '../server/api.ts';

const MAX_PAGES = 5;

export interface VersionUse {
  version: number;
  planned: number;
  inProgress: number;
}

/** Null when the caller may not read audits (a tenant admin), so the page says so rather than "none". */
export async function openAuditsByVersion(api: Api, me: Me, templateId: string): Promise<VersionUse[] | null> {
  if (!canReadAudits(me.role)) return null;
  const uses = new Map<number, VersionUse>();
  for (const state of ['planned', 'in-progress'] as const) {
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const found = await auditApi(api).audits({ state, limit: 100, cursor });
      for (const audit of found.items.filter((a) => a.templateId === templateId)) {
        const use = uses.get(audit.templateVersion) ?? { version: audit.templateVersion, planned: 0, inProgress: 0 };
        if (state === 'planned') use.planned += 1;
        else use.inProgress += 1;
        uses.set(audit.templateVersion, use);
      }
      if (!found.nextCursor) break;
      cursor = found.nextCursor;
    }
  }
  return [...uses.values()].sort((a, b) => a.version - b.version);
}
