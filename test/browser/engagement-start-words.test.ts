/**
 * What the start of a response promises, in English, Welsh, Urdu and easy read: the number
 * of questions counted from the form itself (the form's own words never give one), the
 * "rather not say" answer in the very words the questions offer, and on an Urdu page the
 * titles in Urdu, with anything left in English marked as English.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_FEEDBACK_FORMS } from '@waypoint/shared/engagement/forms/built-in-feedback-forms';
import { FORM_AGES_4_7_ID, FORM_AGES_8_10_ID } from '@waypoint/shared/engagement/forms/children-forms';
import type { EngagementLanguage } from '@waypoint/shared/engagement/languages';
import type { TemplateDefinition } from '@waypoint/shared/templates/template-schemas';
import { textIn } from '@waypoint/shared/templates/template-translations';
import { translator } from '../../portal/src/lib/engagement/messages/translate.ts';
import { expectNoAxeViolations } from '../support/browser.ts';
import { browser, stack, useBrowserStack } from '../support/browser-suite.ts';
import { questionsOf } from './engagement-steps.ts';

useBrowserStack();

/** A built-in form as seeded: with its Polish, Urdu and easy-read words. */
const builtIn = (id: string): TemplateDefinition => BUILT_IN_FEEDBACK_FORMS.find((f) => f.templateId === id)!;
const formAges4To7 = builtIn(FORM_AGES_4_7_ID);
const formAges8To10 = builtIn(FORM_AGES_8_10_ID);

const CASES: { lang: EngagementLanguage; code: string; form: TemplateDefinition }[] = [
  { lang: 'en', code: 'NV8T-SAYS', form: formAges8To10 },
  { lang: 'cy', code: 'NV8T-SAYS', form: formAges8To10 },
  { lang: 'ur', code: 'NV8T-SAYS', form: formAges8To10 },
  { lang: 'easy', code: 'NV47-SAYS', form: formAges4To7 },
];

describe('the start of a response', () => {
  for (const { lang, code, form } of CASES) {
    it(`in ${lang}: counts the questions from the form and promises the “rather not say” the questions offer`, async () => {
      const t = translator(lang, 'child');
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${stack.portalUrl}/have-your-say/northvale/start?code=${code}&lang=${lang}`);
      await page.waitForURL(/\/answer$/);
      const intro = await page.locator('main').innerText();
      expect(intro).toContain(t('intro.questionCount', { count: String(questionsOf(form).length) }));
      expect(intro).toContain(textIn(form, 'description', lang));
      expect(intro).not.toMatch(/\b(?:Three|Five|Tri|Pum)\b/);

      const rather = textIn(
        form.sections[0]!.questions[0]!.options!.find((o) => o.value === 'rather-not-say')!,
        'label',
        lang,
      );
      expect(intro).toContain(rather);
      await page.getByRole('link', { name: t('intro.start'), exact: true }).click();
      await page.waitForURL(/\/answer\/1$/);
      expect(await page.locator('button[value="rather-not-say"]').innerText()).toBe(rather);
      await context.close();
    });
  }

  it('in Urdu: the activity and form titles on the authority’s page and the start are in Urdu, and pass axe', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.portalUrl}/have-your-say/northvale?lang=ur`);
    const titles = page.locator('.activity-list h3');
    expect(await titles.count()).toBe(2);
    for (const title of await titles.all()) {
      expect(await title.getAttribute('lang')).toBeNull();
      expect(await title.innerText()).toMatch(/[\u0600-\u06FF]/);
    }
    await expectNoAxeViolations(page);
    await page.goto(`${stack.portalUrl}/have-your-say/northvale/start?code=NVCR-SAYS&lang=ur`);
    await page.waitForURL(/\/answer$/);
    for (const text of [page.locator('.caption'), page.locator('h1'), page.locator('.lead')]) {
      expect(await text.getAttribute('lang')).toBeNull();
      expect(await text.innerText()).toMatch(/[\u0600-\u06FF]/);
    }
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectNoAxeViolations(page);
    await context.close();
  });
});
