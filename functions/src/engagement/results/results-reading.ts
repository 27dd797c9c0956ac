/**
 * Gathers results for one activity or across the activities a member of staff can see:
 * filters by audience, team and case type (the activity's) and by period (the day each
 * response was sent, in London), then counts each form's rounds with `formResults`.
 */
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import type { EngagementActivity } from '@waypoint/shared/engagement/activity-schemas';
import type { FormResults, ResultsQuery, ResultsView } from '@waypoint/shared/engagement/results/result-schemas';
import { formResults, type Round } from '@waypoint/shared/engagement/results/tally';
import type { TenantContext } from '../../platform/auth/caller.ts';
import { notFound } from '../../platform/http/api-error.ts';
import { getTemplateVersion } from '../../templates/template-store.ts';
import { listActivities } from '../activity-store.ts';
import { canSeeActivity, type EngagementViewer } from '../engagement-viewer.ts';
import { getThemes, sentResponses } from './results-store.ts';

/** Every activity the viewer can see; an authority runs tens a year, so a few pages at most. */
export async function visibleActivities(tenant: TenantContext, viewer: EngagementViewer): Promise<EngagementActivity[]> {
  const all: EngagementActivity[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page += 1) {
    const result = await listActivities({ tenant, limit: 100, cursor, keep: (a) => canSeeActivity(viewer, a) });
    all.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return all;
}

const matches = (a: EngagementActivity, q: ResultsQuery) => (q.audience === undefined || a.audience === q.audience) && (q.team === undefined || a.teamId === q.team) && (q.caseType === undefined || a.caseType === q.caseType);

async function roundOf(tenant: TenantContext, activity: EngagementActivity, q: ResultsQuery, now: Date): Promise<Round> {
  const responses = (await sentResponses(tenant, activity.id, now)).filter((r) => {
    const day = londonDate(new Date(r.submittedAt ?? r.updatedAt));
    return (q.from === undefined || day >= q.from) && (q.to === undefined || day <= q.to);
  });
  return { activityId: activity.id, title: activity.title, opensOn: activity.opensOn, responses };
}

async function formOf(tenant: TenantContext, templateId: string, version: number) {
  const form = await getTemplateVersion(tenant, templateId, version);
  if (!form) throw notFound('form');
  return form;
}

/** Results across the viewer's activities that match the filters, one block per form. */
export async function resultsAcross(tenant: TenantContext, viewer: EngagementViewer, q: ResultsQuery, now: Date): Promise<ResultsView> {
  const activities = (await visibleActivities(tenant, viewer)).filter((a) => matches(a, q));
  const { themes } = await getThemes(tenant);
  const byForm = new Map<string, EngagementActivity[]>();
  for (const a of activities) byForm.set(a.templateId, [...(byForm.get(a.templateId) ?? []), a]);
  const forms: FormResults[] = [];
  for (const [templateId, group] of [...byForm].sort(([a], [b]) => a.localeCompare(b))) {
    // The newest version pinned in the group words the items; questions kept between versions keep their ids.
    const form = await formOf(tenant, templateId, Math.max(...group.map((a) => a.templateVersion)));
    forms.push(formResults(form, await Promise.all(group.map((a) => roundOf(tenant, a, q, now))), themes));
  }
  return { filters: q, activities: activities.map((a) => ({ id: a.id, title: a.title, opensOn: a.opensOn })), forms };
}

/** One activity's results; its trend runs over every visible round of the same form and audience. */
export async function resultsFor(tenant: TenantContext, viewer: EngagementViewer, activity: EngagementActivity, q: ResultsQuery, now: Date): Promise<ResultsView> {
  const { themes } = await getThemes(tenant);
  const form = await formOf(tenant, activity.templateId, activity.templateVersion);
  const own = await roundOf(tenant, activity, q, now);
  const siblings = (await visibleActivities(tenant, viewer)).filter((a) => a.templateId === activity.templateId && a.audience === activity.audience && a.id !== activity.id);
  const rounds = [own, ...(await Promise.all(siblings.map((a) => roundOf(tenant, a, q, now))))];
  const results = formResults(form, [own], themes);
  return {
    filters: q,
    activities: [{ id: activity.id, title: activity.title, opensOn: activity.opensOn }],
    forms: [{ ...results, rounds: formResults(form, rounds, themes).rounds }],
  };
}
