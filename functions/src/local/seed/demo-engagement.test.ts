import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { normaliseInvitationCode } from '@waypoint/shared/engagement/invitation-codes';
import { publicAnswersPatchSchema } from '@waypoint/shared/engagement/response-schemas';
import { safetyReasons } from '@waypoint/shared/engagement/safety';
import { BUILT_IN_TEMPLATES } from '@waypoint/shared/templates/built-in/built-in-templates';
import { DEMO_TENANTS } from './demo-data.ts';
import { alertResponseId, demoActivities, demoCodes, demoResponses, demoTags, demoThemes, DEMO_ENGAGEMENT_OPENED } from './demo-engagement.ts';

const NOW = new Date('2026-11-20T10:00:00.000Z');
const formOf = (id: string) => BUILT_IN_TEMPLATES.find((t) => t.templateId === id)!;

describe('the demo engagement', () => {
  it('gives each authority an open activity for every audience, each with a shared code that never expires', () => {
    for (const tenant of DEMO_TENANTS) {
      const activities = demoActivities(tenant, '2026-01-05T09:00:00.000Z');
      expect(activities.map((a) => a.audience)).toEqual(['ages-4-7', 'ages-8-10', 'ages-11-18', 'care-leavers', 'parents-carers']);
      const codes = demoCodes(tenant, '2026-01-05T09:00:00.000Z', new Map());
      for (const activity of activities) {
        expect(activity.closesOn).toBeUndefined();
        const shared = codes.find((c) => c.record.activityId === activity.id && c.record.kind === 'shared')!;
        expect(shared.record.expiresOn).toBeNull();
      }
    }
  });

  it('uses codes from the unambiguous alphabet, different in each authority', () => {
    const all = DEMO_TENANTS.flatMap((tenant) => demoCodes(tenant, '2026-01-05T09:00:00.000Z', new Map()).map((c) => c.code));
    for (const code of all) expect(normaliseInvitationCode(code), code).toBe(code);
    expect(new Set(all).size).toBe(all.length);
  });

  it('has a few dozen valid responses per activity, never before it opened nor after now', () => {
    for (const tenant of DEMO_TENANTS) {
      const responses = demoResponses(tenant, NOW);
      for (const activity of demoActivities(tenant, '2026-01-05T09:00:00.000Z')) expect(responses.filter((r) => r.activityId === activity.id).length).toBeGreaterThanOrEqual(24);
      for (const response of responses) {
        const result = v.safeParse(publicAnswersPatchSchema(formOf(response.templateId)), response.answers);
        expect(result.issues ?? [], response.id).toEqual([]);
        expect(response.startedAt <= NOW.toISOString() && response.startedAt >= DEMO_ENGAGEMENT_OPENED).toBe(true);
      }
      expect(responses.some((r) => r.language === 'cy')).toBe(true);
    }
  });

  it('has exactly one response that raises a safety alert, sent with a single-use code linked to a case', () => {
    for (const tenant of DEMO_TENANTS) {
      const flagged = demoResponses(tenant, NOW).filter((r) => safetyReasons(formOf(r.templateId), r.answers).length > 0);
      expect(flagged.map((r) => r.id)).toEqual([alertResponseId(tenant)]);
      const code = demoCodes(tenant, '2026-01-05T09:00:00.000Z', new Map()).find((c) => c.record.id === flagged[0]!.codeId)!;
      expect(code.record).toMatchObject({ kind: 'single-use', caseRef: `${tenant.prefix}-00002` });
    }
  });

  it('tags about a quarter of the sent responses with the authority’s own themes: at least two on 5 or more, one on fewer', () => {
    for (const tenant of DEMO_TENANTS) {
      const responses = demoResponses(tenant, NOW);
      const tags = demoTags(tenant, responses);
      const sent = new Set(responses.filter((r) => r.state === 'submitted').map((r) => r.id));
      expect(tags.every((t) => sent.has(t.responseId) && t.responseId !== alertResponseId(tenant))).toBe(true);
      expect(tags.length).toBeGreaterThanOrEqual(20);
      expect(tags.length).toBeLessThan(sent.size / 2);
      const uses = new Map(demoThemes(tenant).map((theme) => [theme, 0]));
      for (const tag of tags) {
        expect(tag.themes.length).toBeGreaterThan(0);
        for (const theme of tag.themes) uses.set(theme, uses.get(theme)! + 1);
      }
      expect(uses.size, 'no theme outside the list').toBe(demoThemes(tenant).length);
      expect([...uses.values()].filter((n) => n >= 5).length).toBeGreaterThanOrEqual(2);
      expect([...uses.values()].some((n) => n > 0 && n < 5)).toBe(true);
    }
    expect(demoThemes(DEMO_TENANTS[0]!)).not.toEqual(demoThemes(DEMO_TENANTS[1]!));
  });
});
