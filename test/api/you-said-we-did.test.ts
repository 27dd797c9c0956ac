/**
 * "You said, we did" over HTTP: staff publish entries in the languages they provide, and
 * families read them on the authority's public page without a code, in their language or
 * in English; another authority's page never shows them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicEntry, YouSaidWeDidEntry } from '@waypoint/shared/engagement/you-said-we-did';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, sm } from './api-client.ts';
import { daysFromToday, publicCall, today } from './engagement-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const ENTRY = {
  heard: 'You said it was hard to reach your worker after school.',
  did: 'Workers now keep one afternoon a week free for calls after 4pm.',
  doneOn: today(),
  translations: {
    cy: { heard: 'Dywedoch chi ei bod hi’n anodd cael gafael ar eich gweithiwr ar ôl ysgol.', did: 'Mae gweithwyr nawr yn cadw un prynhawn yr wythnos yn rhydd ar gyfer galwadau ar ôl 4pm.' },
    pl: { heard: 'Powiedzieliście, że trudno skontaktować się z pracownikiem po szkole.', did: 'Pracownicy mają teraz jedno popołudnie w tygodniu na rozmowy po 16:00.' },
  },
};

const publicEntries = async (slug: string, query = '') => (await expectJson<{ items: PublicEntry[] }>(await publicCall(stack, slug, `/you-said-we-did${query}`))).items;

describe('publishing', () => {
  it('is for QA officers and senior managers, with what we heard, what we did and when', async () => {
    const entry = await expectJson<YouSaidWeDidEntry>(await stack.api(nv('qa'), '/v1/engagement/you-said-we-did', jsonInit('POST', ENTRY)), 201);
    expect(entry).toMatchObject({ heard: ENTRY.heard, did: ENTRY.did, doneOn: ENTRY.doneOn, publishedBy: 'nv-qa' });
    await expectProblem(await stack.api(nv('practitioner'), '/v1/engagement/you-said-we-did', jsonInit('POST', ENTRY)), 403);
    const problem = await expectProblem(await stack.api(nv('qa'), '/v1/engagement/you-said-we-did', jsonInit('POST', { ...ENTRY, heard: ' ', doneOn: daysFromToday(3) })), 400);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['heard']);
    const future = await expectProblem(await stack.api(nv('qa'), '/v1/engagement/you-said-we-did', jsonInit('POST', { ...ENTRY, doneOn: daysFromToday(3) })), 400);
    expect(future.errors?.[0]?.path).toBe('doneOn');
  });
});

describe('the public page', () => {
  it('shows entries without a code, in the language asked for or in English', async () => {
    const en = await publicEntries('northvale');
    expect(en.find((e) => e.heard === ENTRY.heard)).toMatchObject({ did: ENTRY.did, doneOn: ENTRY.doneOn, language: 'en' });
    expect((await publicEntries('northvale', '?lang=cy')).find((e) => e.did === ENTRY.translations.cy.did)?.language).toBe('cy');
    expect((await publicEntries('northvale', '?lang=pl')).find((e) => e.heard === ENTRY.translations.pl.heard)?.language).toBe('pl');
    expect((await publicEntries('northvale', '?lang=ur')).find((e) => e.heard === ENTRY.heard)?.language).toBe('en');
    expect(Object.keys(en[0]!).sort()).toEqual(['did', 'doneOn', 'heard', 'id', 'language']);
  });

  it('never shows one authority’s entries on another’s page, nor at an unknown address', async () => {
    expect((await publicEntries('southmoor')).some((e) => e.heard === ENTRY.heard)).toBe(false);
    expect((await expectJson<{ items: YouSaidWeDidEntry[] }>(await stack.api(sm('qa'), '/v1/engagement/you-said-we-did'))).items.some((e) => e.heard === ENTRY.heard)).toBe(false);
    await expectProblem(await publicCall(stack, 'nowhere', '/you-said-we-did'), 404);
  });

  it('drops an entry once withdrawn', async () => {
    const entry = await expectJson<YouSaidWeDidEntry>(await stack.api(nv('senior'), '/v1/engagement/you-said-we-did', jsonInit('POST', { ...ENTRY, heard: 'Withdraw me' })), 201);
    await expectProblem(await stack.api(sm('qa'), `/v1/engagement/you-said-we-did/${entry.id}`, { method: 'DELETE' }), 404);
    expect((await publicEntries('northvale')).some((e) => e.heard === 'Withdraw me')).toBe(true);
    await expectJson(await stack.api(nv('qa'), `/v1/engagement/you-said-we-did/${entry.id}`, { method: 'DELETE' }));
    expect((await publicEntries('northvale')).some((e) => e.heard === 'Withdraw me')).toBe(false);
  });

  it('withdraws an old entry too, however many newer ones were published since', async () => {
    const old = await expectJson<YouSaidWeDidEntry>(await stack.api(nv('qa'), '/v1/engagement/you-said-we-did', jsonInit('POST', { ...ENTRY, heard: 'An old entry', doneOn: daysFromToday(-400) })), 201);
    for (let n = 0; n < 205; n++) await expectJson(await stack.api(nv('qa'), '/v1/engagement/you-said-we-did', jsonInit('POST', { ...ENTRY, heard: `Newer ${n}` })), 201);
    await expectJson(await stack.api(nv('qa'), `/v1/engagement/you-said-we-did/${old.id}`, { method: 'DELETE' }));
    await expectProblem(await stack.api(nv('qa'), `/v1/engagement/you-said-we-did/${old.id}`, { method: 'DELETE' }), 404);
  });
});
