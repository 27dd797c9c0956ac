/**
 * An activity's own title in other languages: a QA officer gives an activity an Urdu title
 * beside its Welsh one (a description without a title is named and linked), and an Urdu
 * family sees that title on the authority's page and the start page, laid out right to left,
 * with an untranslated activity's English title marked as English. axe runs on the staff edit
 * page, with every language open and with a problem shown, and on the public pages. The staff
 * steps are walked once: the portal sends no script and its policy forbids any, and the axe
 * check refuses a page that carries one, so this walk is also the walk without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import type { ActivityView } from '@waypoint/shared/engagement/activity-schemas';
import { expectNoAxeViolations } from '../support/browser.ts';
import { browser, signedIn, stack, useBrowserStack } from '../support/browser-suite.ts';
import { expectJson } from '../api/api-client.ts';
import { newActivity, nvActivity } from '../api/engagement-support.ts';
import { expectNoSidewaysScroll, phoneContext } from './engagement-steps.ts';

useBrowserStack();

const WELSH = 'Arolwg teuluoedd y gwanwyn';
const URDU = { title: 'بہار میں خاندانوں کا سروے', description: 'ہماری مدد کے بارے میں پانچ مختصر سوالات۔' };
const URDU_START = 'شروع کریں';

describe('an activity’s title in Urdu', () => {
  let activityId = '';

  it('a QA officer adds an Urdu title, and the Welsh title stays; the edit page passes axe with every language open and with a problem shown', async () => {
    const page = await signedIn.pageAs('qa@northvale.example');
    await page.goto(`${stack.portalUrl}/engagement/new`);
    const languages = page.locator('details.translations');
    expect(await languages.getAttribute('open'), 'closed until needed').toBeNull();
    await page.getByLabel('Title', { exact: true }).fill('Spring family survey');
    await page.getByLabel('Description (optional)').fill('Five short questions about our help.');
    await page.getByRole('group', { name: 'Who it asks' }).getByLabel('Parents and carers').check();
    await page.getByRole('group', { name: 'Feedback form' }).getByLabel('Have your say (parents and carers)').check();
    await page.getByLabel('Anyone with the link may answer, without a code').check();
    await page.getByText('Title and description in other languages').click();
    await page.getByLabel('Title in Welsh').fill(WELSH);
    await page.getByRole('button', { name: 'Create activity' }).click();
    await page.waitForURL(/\/engagement\/[^/?]+\?created=1$/);
    activityId = new URL(page.url()).pathname.split('/').at(-1)!;

    await page.goto(`${stack.portalUrl}/engagement/${activityId}/edit`);
    expect(await languages.getAttribute('open'), 'open once a language has text').not.toBeNull();
    const urdu = page.getByRole('group', { name: 'Urdu (اردو)' });
    const urduTitle = urdu.getByLabel('Title in Urdu');
    expect({ lang: await urduTitle.getAttribute('lang'), dir: await urduTitle.getAttribute('dir') }).toEqual({ lang: 'ur', dir: 'rtl' });
    expect(await page.getByRole('group', { name: 'Polish (Polski)' }).getByLabel('Title in Polish').getAttribute('lang')).toBe('pl');
    await expectNoAxeViolations(page);

    // A description without its title is named in the summary and linked to the title's box.
    await urdu.getByLabel('Description in Urdu (optional)').fill(URDU.description);
    await page.getByRole('button', { name: 'Save changes' }).click();
    const problem = page.getByRole('alert').getByRole('link', { name: 'Enter the title in Urdu as well as the description' });
    expect(await problem.getAttribute('href')).toBe('#translations-ur-title');
    expect(await languages.getAttribute('open')).not.toBeNull();
    expect(await urdu.getByLabel('Description in Urdu (optional)').inputValue()).toBe(URDU.description);
    await expectNoAxeViolations(page);

    await urduTitle.fill(URDU.title);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\?saved=1$/);
    const details = await page.getByLabel('Activity details').innerText();
    expect(details).toContain(`Welsh: ${WELSH}`);
    expect(details).toContain(`Urdu: ${URDU.title}`);
    const saved = await expectJson<ActivityView>(await stack.api('qa@northvale.example', `/v1/engagement/activities/${activityId}`));
    expect(saved.translations).toEqual({ cy: { title: WELSH }, ur: URDU });
  });

  it('an Urdu family sees it on the authority’s page and the start page, right to left, with English titles marked as English', async () => {
    expect(activityId, 'the staff test ran first').not.toBe('');
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const html = async () => ({ lang: await page.locator('html').getAttribute('lang'), dir: await page.locator('html').getAttribute('dir') });
    try {
      // An activity with no Urdu title at all, beside ours and the demo ones (which have theirs).
      const untranslated = await newActivity(stack, 'qa@northvale.example', { title: 'Autumn check-in', publicLink: true });
      await page.goto(`${stack.portalUrl}/have-your-say/northvale?lang=ur`);
      expect(await html()).toEqual({ lang: 'ur', dir: 'rtl' });
      const ours = page.locator('.activity-list__item').filter({ has: page.getByRole('heading', { level: 3, name: URDU.title }) });
      const heading = ours.getByRole('heading', { level: 3 });
      // In the page's own language: no lang or dir of its own.
      expect({ lang: await heading.getAttribute('lang'), dir: await heading.getAttribute('dir') }).toEqual({ lang: null, dir: null });
      expect(await ours.getByText(URDU.description).count()).toBe(1);
      // An activity with no Urdu title: its English one says it is English, left to right.
      const english = page.getByRole('heading', { level: 3, name: untranslated.title });
      expect({ lang: await english.getAttribute('lang'), dir: await english.getAttribute('dir') }).toEqual({ lang: 'en', dir: 'ltr' });
      // The demo activity has its own Urdu title, shown as the page's language.
      const demo = (await expectJson<ActivityView>(await stack.api('qa@northvale.example', `/v1/engagement/activities/${nvActivity('parents-carers')}`))).translations?.ur?.title;
      expect({ lang: await page.getByRole('heading', { level: 3, name: demo }).getAttribute('lang') }).toEqual({ lang: null });
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);

      await ours.getByRole('button', { name: `${URDU_START} ${URDU.title}` }).click();
      await page.waitForURL(/\/answer$/);
      expect(await html()).toEqual({ lang: 'ur', dir: 'rtl' });
      const caption = page.locator('main .caption').first();
      expect(await caption.innerText()).toBe(URDU.title);
      expect(await caption.getAttribute('lang')).toBeNull();
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});
