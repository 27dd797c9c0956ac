/**
 * The demo seed on a running stack: Northvale's service view shows what children and families
 * told us (themes tagged on demo responses, counted in the monthly totals as the API counts
 * them), and seeding again writes nothing and leaves the totals, tags and theme list as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { ReviewList, ReviewView } from '@waypoint/shared/reviews/review-schemas';
import { londonDate } from '@waypoint/shared/time/calendar-dates';
import { londonMonth } from '@waypoint/shared/time/clock';
import type { ServiceView } from '@waypoint/shared/dashboards/service-view-schemas';
import type { FeedbackComment, ThemeList } from '@waypoint/shared/engagement/results/result-schemas';
import { demoActivityId, demoThemes } from '@waypoint/functions/local/seed/demo-engagement';
import { seedDemoData } from '@waypoint/functions/local/seed/seed-demo-data';
import { DEMO_PASSWORD } from '@waypoint/functions/local/identity/demo-password';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, NORTHVALE, nv, SOUTHMOOR, sm } from './api-client.ts';
import { contextOf, recounted, storedTotals } from './totals-support.ts';

let stack: TestStack;

const comments = async (email: string, activityId: string) => (await expectJson<{ items: FeedbackComment[] }>(await stack.api(email, `/v1/engagement/activities/${activityId}/comments`))).items;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('the demo seed', () => {
  it('gives each authority its own theme list', async () => {
    const northvale = await expectJson<ThemeList>(await stack.api(nv('qa'), '/v1/engagement/themes'));
    const southmoor = await expectJson<ThemeList>(await stack.api(sm('qa'), '/v1/engagement/themes'));
    expect(northvale).toEqual({ themes: demoThemes(NORTHVALE), version: 1 });
    expect(southmoor).toEqual({ themes: demoThemes(SOUTHMOOR), version: 1 });
    expect(northvale.themes).toContain('Being listened to');
    expect(southmoor.themes).not.toEqual(northvale.themes);
  });

  it('shows Northvale’s dashboard at least two themes with a count and one as “fewer than 5”', async () => {
    const { feedbackThemes } = await expectJson<ServiceView>(await stack.api(nv('senior'), '/v1/dashboards/service'));
    expect(feedbackThemes.withheld).toBe(false);
    expect(feedbackThemes.taggedResponses.value).toBeGreaterThanOrEqual(5);
    const counted = feedbackThemes.themes.filter((t) => (t.count.value ?? 0) >= 5);
    expect(counted.length).toBeGreaterThanOrEqual(2);
    expect(feedbackThemes.themes.some((t) => t.count.suppressed)).toBe(true);
    expect(feedbackThemes.themes.map((t) => t.theme).sort()).toEqual(demoThemes(NORTHVALE).sort());
  });

  it('tags some comments and leaves others for staff to tag', async () => {
    const items = await comments(nv('qa'), demoActivityId(NORTHVALE, 'ages-11-18'));
    expect(items.some((c) => c.themes.length > 0)).toBe(true);
    expect(items.some((c) => c.themes.length === 0)).toBe(true);
  });

  it('shows Northvale one published thematic review with an action and one under way with a case for the practitioner', async () => {
    const { items } = await expectJson<ReviewList>(await stack.api(nv('qa'), '/v1/reviews'));
    expect(items.map((r) => [r.id, r.state]).sort()).toEqual([
      ['nv-review-1', 'published'],
      ['nv-review-2', 'under-way'],
    ]);
    const published = await expectJson<ReviewView>(await stack.api(nv('qa'), '/v1/reviews/nv-review-1'));
    expect(published.replays).toBe(true);
    expect(published.cases.length).toBeGreaterThan(0);
    expect(published.cases.every((c) => c.state === 'completed' && c.overallGrade)).toBe(true);
    expect(published.signOff?.byId).toBe('nv-senior');
    expect(published.actions).toHaveLength(1);
    const running = await expectJson<ReviewView>(await stack.api(nv('qa'), '/v1/reviews/nv-review-2'));
    expect(running.cases.filter((c) => c.state === 'completed')).toHaveLength(1);
    expect(running.cases.some((c) => c.state !== 'completed')).toBe(true);
    const mine = await expectJson<ReviewView>(await stack.api(nv('practitioner'), '/v1/reviews/nv-review-2'));
    expect(mine.cases.map((c) => c.reviewerId)).toEqual(['nv-practitioner']);
  });

  it('keeps the running review on time: its cases are due ahead, its audits in a month to come, reviewed in the past', async () => {
    const now = new Date();
    const running = await expectJson<ReviewView>(await stack.api(nv('qa'), '/v1/reviews/nv-review-2'));
    expect(running.casesDueBy >= londonDate(now)).toBe(true);
    for (const c of running.cases) {
      const audit = await expectJson<Audit>(await stack.api(nv('qa'), `/v1/audits/${c.auditId}`));
      expect(audit.month > londonMonth(now), `${audit.id} is in ${audit.month}`).toBe(true);
      if (audit.conversationDate) expect(audit.conversationDate <= londonDate(now)).toBe(true);
    }
  });

  it('writes nothing when run again, leaving totals, tags and themes as they were', async () => {
    const tenants = [contextOf(stack, NORTHVALE.id), contextOf(stack, SOUTHMOOR.id)];
    const before = await Promise.all(tenants.map(storedTotals));
    const tagsBefore = await comments(nv('qa'), demoActivityId(NORTHVALE, 'parents-carers'));
    const again = await seedDemoData({ db: stack.jobDependencies.platformClient, tableName: stack.tableName, password: DEMO_PASSWORD, portalUrl: stack.jobDependencies.portalUrl });
    expect(again).toEqual({ written: 0 });
    expect(await Promise.all(tenants.map(storedTotals))).toEqual(before);
    expect(before[0]).toEqual(await recounted(tenants[0]!));
    expect(await comments(nv('qa'), demoActivityId(NORTHVALE, 'parents-carers'))).toEqual(tagsBefore);
    expect((await expectJson<ThemeList>(await stack.api(nv('qa'), '/v1/engagement/themes'))).version).toBe(1);
  });
});
