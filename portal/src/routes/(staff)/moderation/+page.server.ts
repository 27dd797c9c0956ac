/**
 * QA's moderation for a month: the suggested random sample and every completed audit,
 * each marked moderated or not, to choose from. Senior managers see the month's
 * moderations. Both reach the agreement report from here.
 */
import * as v from 'valibot';
import type { AuditSummary } from '@waypoint/shared/audits/audit-schemas';
import { CaseRef } from '@waypoint/shared/cases/case-schemas';
import { auditApi } from '$lib/audits/audit-api.server';
import { readGradeLabels } from '$lib/audits/audit-context.server';
import { moderationApi } from '$lib/moderation/moderation-api.server';
import { canModerate } from '$lib/moderation/moderation-permissions';
import { isMonth } from '$lib/programme/month-param';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/** A month's completed audits are tens, not thousands; beyond this the list says so. */
const MAX_AUDIT_PAGES = 5;

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const api = createApi(event);
  const moderation = moderationApi(api);
  // Without a month, open on the latest with work rather than on an empty new month.
  const asked = event.url.searchParams.get('month');
  const month = isMonth(asked) ? asked : await moderation.latestMonth();
  const qa = canModerate(me.role);

  const completed = async () => {
    const items: AuditSummary[] = [];
    const people: Record<string, string> = {};
    let cursor: string | undefined;
    for (let page = 0; page < MAX_AUDIT_PAGES; page++) {
      const found = await auditApi(api).audits({ month, state: 'completed', limit: 100, cursor });
      items.push(...found.items);
      Object.assign(people, found.people);
      if (!found.nextCursor) return { items, people, complete: true };
      cursor = found.nextCursor;
    }
    return { items, people, complete: false };
  };

  const [teams, moderations, suggestions, audits, gradeLabels] = await Promise.all([api.teams(), moderation.moderations(month), qa ? moderation.suggestions(month) : Promise.resolve(null), completed(), readGradeLabels(api)]);
  const moderated = event.url.searchParams.get('moderated');
  return {
    month,
    isQa: qa,
    teams: teams.items.map((t) => ({ id: t.id, name: t.name })),
    moderations,
    suggestions,
    audits,
    gradeLabels,
    // After a moderation is saved, the page names the case it was for.
    moderatedCase: moderated && v.is(CaseRef, moderated) ? moderated : null,
  };
};
