/**
 * Demo engagement for one authority: an open survey per audience with a shared code that
 * never expires (listed in the README), a few dozen responses in English and Welsh, and
 * one response, sent with a single-use code linked to a case, that raises a safety alert.
 * Ids are fixed and times never later than now, so seeding again writes nothing new.
 */
import type { EngagementActivity } from '@waypoint/shared/engagement/activity-schemas';
import { AUDIENCES, type Audience } from '@waypoint/shared/engagement/audiences';
import { BUILT_IN_FEEDBACK_FORMS, BUILT_IN_FORM_FOR_AUDIENCE } from '@waypoint/shared/engagement/forms/built-in-feedback-forms';
import type { EngagementLanguage } from '@waypoint/shared/engagement/languages';
import type { FeedbackResponse } from '@waypoint/shared/engagement/response-schemas';
import type { Answers } from '@waypoint/shared/templates/answer-schemas';
import type { StoredCode } from '../../engagement/code-store.ts';
import type { DemoTenant } from './demo-data.ts';

/** The day the demo activities opened: the seed's own date. */
export const DEMO_ENGAGEMENT_OPENED = '2026-01-05';
export const DEMO_RESPONSES_PER_ACTIVITY = 24;

/** Short names for the audiences, used in the demo codes (`NV47-SAYS`) and ids. */
const SHORT: Record<Audience, string> = { 'ages-4-7': '47', 'ages-8-10': '8T', 'ages-11-18': 'TN', 'care-leavers': 'CR', 'parents-carers': 'PC' };

/** Each demo activity's title in every language the public area speaks (the translations await review, as the README says). */
const TITLES: Record<Audience, Record<EngagementLanguage, string>> = {
  'ages-4-7': {
    en: 'Tell us how we are doing (ages 4 to 7)',
    cy: 'Dweud wrthon ni sut rydyn ni’n gwneud (4 i 7 oed)',
    pl: 'Powiedz nam, jak nam idzie (4–7 lat)',
    ur: 'ہمیں بتائیں کہ ہم کیسا کام کر رہے ہیں (4 سے 7 سال)',
    easy: 'Tell us how we are doing (ages 4 to 7)',
  },
  'ages-8-10': {
    en: 'Tell us how we are doing (ages 8 to 10)',
    cy: 'Dweud wrthon ni sut rydyn ni’n gwneud (8 i 10 oed)',
    pl: 'Powiedz nam, jak nam idzie (8–10 lat)',
    ur: 'ہمیں بتائیں کہ ہم کیسا کام کر رہے ہیں (8 سے 10 سال)',
    easy: 'Tell us how we are doing (ages 8 to 10)',
  },
  'ages-11-18': {
    en: 'Your say on children’s services (ages 11 to 18)',
    cy: 'Dy ddweud am y gwasanaethau plant (11 i 18 oed)',
    pl: 'Twoje zdanie o służbach ds. dzieci (11–18 lat)',
    ur: 'بچوں کی خدمات کے بارے میں آپ کی رائے (11 سے 18 سال)',
    easy: 'What you think about children’s services (ages 11 to 18)',
  },
  'care-leavers': {
    en: 'Leaving care: how is it going?',
    cy: 'Gadael gofal: sut mae pethau’n mynd?',
    pl: 'Opuszczanie pieczy: jak Ci idzie?',
    ur: 'نگہداشت چھوڑنا: سب کیسا چل رہا ہے؟',
    easy: 'Leaving care: how is it going?',
  },
  'parents-carers': {
    en: 'Parents and carers: tell us about the help you get',
    cy: 'Rhieni a gofalwyr: dywedwch wrthon ni am yr help rydych chi’n ei gael',
    pl: 'Rodzice i opiekunowie: opowiedzcie nam o pomocy, którą otrzymujecie',
    ur: 'والدین اور دیکھ بھال کرنے والے: ہمیں اس مدد کے بارے میں بتائیں جو آپ کو ملتی ہے',
    easy: 'Parents and carers: tell us about the help you get',
  },
};

/** The shared code of each demo activity, e.g. `NV47-SAYS` (no 0/O, 1/I/L or U). */
export function demoCode(tenant: DemoTenant, audience: Audience): string {
  return `${tenant.prefix}${SHORT[audience]}SAYS`;
}

export const demoActivityId = (tenant: DemoTenant, audience: Audience) => `${tenant.prefix.toLowerCase()}-engage-${audience}`;

export function demoActivities(tenant: DemoTenant, seededAt: string): EngagementActivity[] {
  const p = tenant.prefix.toLowerCase();
  return AUDIENCES.map((audience) => {
    const form = BUILT_IN_FEEDBACK_FORMS.find((f) => f.templateId === BUILT_IN_FORM_FOR_AUDIENCE[audience])!;
    return {
      id: demoActivityId(tenant, audience),
      type: 'survey',
      title: TITLES[audience].en,
      audience,
      templateId: form.templateId,
      templateVersion: 1,
      formName: form.name,
      opensOn: DEMO_ENGAGEMENT_OPENED,
      // Care leavers are the Children Looked After team's; the rest are for the whole authority.
      ...(audience === 'care-leavers' ? { teamId: 'children-looked-after' } : {}),
      publicLink: audience === 'ages-11-18' || audience === 'parents-carers',
      translations: { cy: { title: TITLES[audience].cy }, pl: { title: TITLES[audience].pl }, ur: { title: TITLES[audience].ur }, easy: { title: TITLES[audience].easy } },
      createdBy: `${p}-qa`,
      version: 1,
      createdAt: seededAt,
      updatedAt: seededAt,
    } satisfies EngagementActivity;
  });
}

/** One shared code per activity that never expires, and the single-use code behind the alert. */
export function demoCodes(tenant: DemoTenant, seededAt: string, counts: Map<string, number>): { code: string; record: Omit<StoredCode, 'code'> }[] {
  const p = tenant.prefix.toLowerCase();
  const shared = AUDIENCES.map((audience) => ({
    code: demoCode(tenant, audience),
    record: {
      id: `${p}-code-${audience}`,
      activityId: demoActivityId(tenant, audience),
      kind: 'shared' as const,
      expiresOn: null,
      maxResponses: 2000,
      label: 'Demo code: works for as long as the activity is open',
      issuedBy: `${p}-qa`,
      createdAt: seededAt,
      sessions: counts.get(audience) ?? 0,
      submissions: counts.get(audience) ?? 0,
      version: 1,
    },
  }));
  const alerting = {
    code: `${tenant.prefix}K7HBQR`,
    record: {
      id: `${p}-code-alert`,
      activityId: demoActivityId(tenant, 'ages-11-18'),
      kind: 'single-use' as const,
      expiresOn: null,
      caseRef: `${tenant.prefix}-00002`,
      maxResponses: 1,
      issuedBy: `${p}-practitioner`,
      createdAt: seededAt,
      sessions: 1,
      submissions: 1,
      version: 1,
      responseId: alertResponseId(tenant),
    },
  };
  return [...shared, alerting];
}

export const alertResponseId = (tenant: DemoTenant) => `DEMO${tenant.prefix}ALERT01`;

/** What staff reading a comment would tag it with; a few say nothing a theme fits. */
type ThemeKey = 'listened' | 'worker' | 'family' | 'plans' | 'waiting' | 'safe';
type Comment = readonly [text: string, themes: readonly ThemeKey[]];

const CHILD_GOOD: Record<'en' | 'cy', Comment[]> = {
  en: [
    ['My worker is kind and funny.', ['worker']],
    ['I like it when we go to the park and talk.', ['listened']],
    ['She listens to me.', ['listened']],
    ['I got to see my nan more.', ['family']],
    ['He always comes when he says he will.', ['worker']],
  ],
  cy: [
    ['Mae fy ngweithiwr yn garedig ac yn ddoniol.', ['worker']],
    ['Rwy’n hoffi pan ry’n ni’n mynd i’r parc i siarad.', ['listened']],
    ['Mae hi’n gwrando arna i.', ['listened']],
    ['Rwy’n cael gweld Mam-gu yn amlach.', ['family']],
  ],
};
const CHILD_BETTER: Record<'en' | 'cy', Comment[]> = {
  en: [
    ['More visits after school, not in lessons.', ['worker']],
    ['Tell me sooner when things change.', ['plans']],
    ['I want to know what the meetings are about.', ['plans']],
    ['Nothing, it is good.', []],
  ],
  cy: [
    ['Mwy o ymweliadau ar ôl ysgol, nid yn ystod gwersi.', ['worker']],
    ['Dweud wrtha i’n gynt pan mae pethau’n newid.', ['plans']],
    ['Dim byd, mae’n dda.', []],
  ],
};
const ADULT_GOOD: Record<'en' | 'cy', Comment[]> = {
  en: [
    ['Our worker explained everything clearly and kept us informed.', ['listened', 'plans']],
    ['The family group meeting helped us make a plan together.', ['family', 'plans']],
    ['Help with housing came quickly.', ['waiting']],
  ],
  cy: [
    ['Esboniodd ein gweithiwr bopeth yn glir, ac roedd yn rhoi gwybod i ni beth oedd yn digwydd.', ['listened', 'plans']],
    ['Daeth help gyda thai yn gyflym.', ['waiting']],
  ],
};
const ADULT_BETTER: Record<'en' | 'cy', Comment[]> = {
  en: [
    ['Fewer changes of worker.', ['worker']],
    ['Send the plan to us in writing after each meeting.', ['plans']],
    ['Meetings at times that fit around work.', ['waiting']],
  ],
  cy: [
    ['Llai o newid gweithiwr.', ['worker']],
    ['Anfon y cynllun atom yn ysgrifenedig ar ôl pob cyfarfod.', ['plans']],
  ],
};
const THEMES_OF_COMMENT = new Map<string, readonly ThemeKey[]>([CHILD_GOOD, CHILD_BETTER, ADULT_GOOD, ADULT_BETTER].flatMap((list) => [...list.en, ...list.cy]));

/** A little arithmetic instead of randomness, so the same response always says the same. */
function pick<T>(list: readonly T[], seed: number): T {
  return list[seed % list.length]!;
}

const POINT_CYCLE = ['yes', 'yes', 'partly', 'yes', 'dont-know', 'yes', 'partly', 'no', 'yes', 'rather-not-say', 'yes', 'partly'];

function demoAnswersFor(audience: Audience, seed: number, language: EngagementLanguage, alerting: boolean): Answers {
  const form = BUILT_IN_FEEDBACK_FORMS.find((f) => f.templateId === BUILT_IN_FORM_FOR_AUDIENCE[audience])!;
  const adult = audience === 'parents-carers' || audience === 'care-leavers';
  const answers: Answers = {};
  form.sections.forEach((section, s) => {
    const values: Record<string, string> = {};
    section.questions.forEach((question, q) => {
      if (question.meaning === 'feels-safe') values[question.id] = alerting ? 'no' : pick(['yes', 'yes', 'partly', 'yes', 'dont-know'], seed + q);
      else if (question.type === 'choice') values[question.id] = pick(POINT_CYCLE, seed * 3 + s * 5 + q);
      else if ((seed + q) % 3 !== 2) values[question.id] = pick((question.id === 'whatIsGood' ? (adult ? ADULT_GOOD : CHILD_GOOD) : adult ? ADULT_BETTER : CHILD_BETTER)[language === 'cy' ? 'cy' : 'en'], seed + q)[0];
    });
    if (Object.keys(values).length) answers[section.id] = values;
  });
  return answers;
}

/**
 * Responses a few days apart back from now (never before the activity opened, never in the
 * future); every third in Welsh; the last two of each activity half-finished drafts.
 */
export function demoResponses(tenant: DemoTenant, now: Date): FeedbackResponse[] {
  const p = tenant.prefix.toLowerCase();
  const opened = Date.parse(`${DEMO_ENGAGEMENT_OPENED}T09:00:00Z`);
  const responses: FeedbackResponse[] = [];
  AUDIENCES.forEach((audience, a) => {
    const span = Math.max(now.getTime() - opened, 60_000);
    for (let n = 1; n <= DEMO_RESPONSES_PER_ACTIVITY; n++) {
      const at = new Date(opened + Math.floor((span * n) / (DEMO_RESPONSES_PER_ACTIVITY + 1))).toISOString();
      const language: EngagementLanguage = n % 3 === 0 ? 'cy' : 'en';
      const draft = n > DEMO_RESPONSES_PER_ACTIVITY - 2;
      responses.push({
        id: `DEMO${tenant.prefix}${a + 1}${String(n).padStart(3, '0')}`,
        activityId: demoActivityId(tenant, audience),
        templateId: BUILT_IN_FORM_FOR_AUDIENCE[audience],
        templateVersion: 1,
        codeId: `${p}-code-${audience}`,
        language,
        answers: demoAnswersFor(audience, n * 7 + a, language, false),
        state: draft ? 'draft' : 'submitted',
        startedAt: at,
        updatedAt: at,
        ...(draft ? {} : { submittedAt: at }),
        safety: { flagged: false, reasons: [] },
      });
    }
  });
  const at = new Date(now.getTime() - 2 * 86_400_000 > opened ? now.getTime() - 2 * 86_400_000 : now.getTime()).toISOString();
  responses.push({
    id: alertResponseId(tenant),
    activityId: demoActivityId(tenant, 'ages-11-18'),
    templateId: BUILT_IN_FORM_FOR_AUDIENCE['ages-11-18'],
    templateVersion: 1,
    codeId: `${p}-code-alert`,
    language: 'en',
    answers: demoAnswersFor('ages-11-18', 5, 'en', true),
    state: 'submitted',
    startedAt: at,
    updatedAt: at,
    submittedAt: at,
    safety: { flagged: true, reasons: [] },
  });
  return responses;
}

/** Each authority names its themes in its own words; the list's order is the order staff see. */
const THEME_NAMES: Record<string, Record<ThemeKey, string>> = {
  NV: { listened: 'Being listened to', worker: 'Seeing my worker', family: 'Family time', plans: 'Knowing what happens next', waiting: 'Waiting', safe: 'Feeling safe' },
  SM: { listened: 'Being heard', worker: 'Seeing my worker', family: 'Family time', plans: 'Plans and meetings', waiting: 'Waiting for help', safe: 'Feeling safe' },
};

export function demoThemes(tenant: DemoTenant): string[] {
  return Object.values(THEME_NAMES[tenant.prefix]!);
}

/**
 * The themes staff have tagged sent responses with so far: about half of those with a comment
 * a theme fits (the rest are left for someone trying tagging out), by what the comments say, and
 * "feeling safe" where a child said they only partly feel safe. The safety alert is left untagged.
 */
export function demoTags(tenant: DemoTenant, responses: readonly FeedbackResponse[]): { activityId: string; responseId: string; themes: string[] }[] {
  const names = THEME_NAMES[tenant.prefix]!;
  return responses.flatMap((response, n) => {
    if (response.state !== 'submitted' || response.id === alertResponseId(tenant) || n % 4 !== 0) return [];
    const keys = new Set<ThemeKey>(feelsSafe(response) === 'partly' ? ['safe'] : []);
    for (const section of Object.values(response.answers)) {
      for (const value of Object.values(section ?? {})) {
        if (typeof value === 'string') for (const key of THEMES_OF_COMMENT.get(value) ?? []) keys.add(key);
      }
    }
    if (!keys.size) return [];
    return [{ activityId: response.activityId, responseId: response.id, themes: (Object.keys(names) as ThemeKey[]).filter((k) => keys.has(k)).map((k) => names[k]) }];
  });
}

function feelsSafe(response: FeedbackResponse): unknown {
  const form = BUILT_IN_FEEDBACK_FORMS.find((f) => f.templateId === response.templateId)!;
  for (const section of form.sections) for (const question of section.questions) if (question.meaning === 'feels-safe') return response.answers[section.id]?.[question.id];
  return undefined;
}
