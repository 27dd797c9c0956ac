/**
 * Writes an authority's demo engagement: the activities, their codes, the responses, the
 * one safety alert (with its duty email), the authority's themes and the tags on some
 * responses. Everything is created only if absent, and a response is tagged only when it is
 * written, so seeding again never overwrites what someone has changed since.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedbackResponse } from '@waypoint/shared/engagement/response-schemas';
import { safetyReasons } from '@waypoint/shared/engagement/safety';
import { defaultSettings } from '@waypoint/shared/settings/settings-schemas';
import { EXPIRY_ATTRIBUTE } from '@waypoint/shared/table/table-definition';
import { BUILT_IN_TEMPLATES } from '@waypoint/shared/templates/built-in/built-in-templates';
import { clock } from '@waypoint/shared/time/clock';
import { raiseSafetyAlert } from '../../alerts/alert-raising.ts';
import { countActivityResponse, getActivity, putNewActivity } from '../../engagement/activity-store.ts';
import { putNewCode } from '../../engagement/code-store.ts';
import { draftExpiry, retentionExpiry } from '../../engagement/response-store.ts';
import { getThemes, putThemes, tagResponse } from '../../engagement/results/results-store.ts';
import type { TenantContext } from '../../platform/auth/caller.ts';
import { getSettings } from '../../settings/settings-store.ts';
import { recordFeedbackTotals } from '../../totals/feedback-totals.ts';
import type { DemoTenant } from './demo-data.ts';
import { alertResponseId, demoActivities, demoCodes, demoResponses, demoTags, demoThemes } from './demo-engagement.ts';

export async function seedDemoEngagement(options: { context: TenantContext; tenant: DemoTenant; seededAt: string }): Promise<number> {
  const { context: tenant } = options;
  const now = clock.now();
  const settings = (await getSettings(tenant)) ?? defaultSettings(options.tenant.name);
  let written = 0;
  const responses = demoResponses(options.tenant, now);
  const sent = new Map<string, number>();
  for (const activity of demoActivities(options.tenant, options.seededAt)) {
    sent.set(activity.audience, responses.filter((r) => r.activityId === activity.id && r.state === 'submitted' && r.codeId?.endsWith(activity.audience)).length);
    if (await getActivity(tenant, activity.id)) continue;
    await putNewActivity(tenant, activity);
    written++;
  }
  for (const { code, record } of demoCodes(options.tenant, options.seededAt, sent)) {
    await putNewCode(tenant, record, code);
  }
  const added = new Set<string>();
  for (const response of responses) {
    const form = BUILT_IN_TEMPLATES.find((t) => t.templateId === response.templateId)!;
    const reasons = safetyReasons(form, response.answers);
    const item = { ...response, safety: { flagged: reasons.length > 0, reasons } };
    const expiry = response.state === 'submitted' ? retentionExpiry(new Date(response.submittedAt!), settings.retentionYears) : draftExpiry(now);
    try {
      await tenant.db.send(
        new PutCommand({
          TableName: tenant.tableName,
          Item: { ...item, [EXPIRY_ATTRIBUTE]: expiry, ...tenant.keys.feedbackResponse(response.activityId, response.id) },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) continue;
      throw error;
    }
    written++;
    added.add(response.id);
    await countActivityResponse(tenant, response.activityId, 'started');
    if (response.state === 'submitted') await countActivityResponse(tenant, response.activityId, 'submitted');
    if (response.id === alertResponseId(options.tenant)) {
      const activity = (await getActivity(tenant, response.activityId))!;
      const code = demoCodes(options.tenant, options.seededAt, sent).find((c) => c.record.id === response.codeId)!;
      await raiseSafetyAlert({ tenant, response: item, activity, code: { ...code.record, code: code.code }, reasons, settings, now: new Date(response.submittedAt!) });
    }
  }
  written += await seedDemoTags(tenant, options.tenant, responses, added);
  return written;
}

/** The theme list when the authority has none yet, then the tags on responses this run wrote, counted in the totals as the API counts them. */
async function seedDemoTags(tenant: TenantContext, demo: DemoTenant, responses: FeedbackResponse[], added: ReadonlySet<string>): Promise<number> {
  let written = 0;
  const saved = await getThemes(tenant);
  let themes = saved.themes;
  if (saved.version === 0) {
    themes = (await putThemes(tenant, demoThemes(demo), 0)).themes;
    written++;
  }
  for (const tag of demoTags(demo, responses)) {
    const known = tag.themes.filter((t) => themes.includes(t));
    if (!added.has(tag.responseId) || known.length === 0) continue;
    const activity = await getActivity(tenant, tag.activityId);
    const tagged = activity && (await tagResponse(tenant, tag.activityId, tag.responseId, known));
    if (!activity || !tagged) continue;
    await recordFeedbackTotals(tenant, activity, tagged);
    written++;
  }
  return written;
}
