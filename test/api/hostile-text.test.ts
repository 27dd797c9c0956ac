/**
 * Text fields refuse NUL, other control characters and lone surrogates with 400, naming the
 * field and writing nothing; direction overrides are taken out before anything is stored.
 * One field of each kind the public page or a staff screen shows is tried here; every text
 * field uses the same schema building block (`shared/src/text/text-schemas.ts`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertResponseId } from '@waypoint/functions/local/seed/demo-engagement';
import { TEXT_MESSAGES } from '@waypoint/shared/text/text-schemas';
import { startStack, type TestStack } from '../support/stack.ts';
import { raiseAction } from './actions-support.ts';
import { expectJson, expectProblem, jsonInit, nv, NORTHVALE, readVersioned } from './api-client.ts';
import { completedAudit, planAudit, todayInLondon } from './audits-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const HOSTILE: [what: string, text: string, message: string][] = [
  ['a NUL', 'Child\u0000Protection', TEXT_MESSAGES.hidden],
  ['an escape sequence', 'Child \u001b[31mProtection', TEXT_MESSAGES.hidden],
  ['a lone surrogate', 'Child \uD83D Protection', TEXT_MESSAGES.broken],
];

/** Sends each hostile text in `field` and checks the refusal names it and nothing changed. */
async function expectRefused(options: { email: string; path: string; method: 'POST' | 'PATCH'; field: string; body: (text: string) => Record<string, unknown>; versioned?: string; list?: string }) {
  for (const [what, text, message] of HOSTILE) {
    const before = options.versioned ? await readVersioned(stack, options.email, options.versioned) : undefined;
    const listed = options.list ? await stack.api(options.email, options.list).then((r) => r.text()) : undefined;
    const headers = before ? { 'if-match': before.etag } : undefined;
    const problem = await expectProblem(await stack.api(options.email, options.path, jsonInit(options.method, options.body(text), headers)), 400);
    expect(problem.errors, `${options.path} with ${what}`).toEqual([{ path: options.field, message }]);
    if (options.versioned) expect((await readVersioned(stack, options.email, options.versioned)).etag, `${options.path} with ${what}`).toBe(before!.etag);
    if (options.list) expect(await stack.api(options.email, options.list).then((r) => r.text())).toBe(listed);
  }
}

describe('text fields refuse control characters and lone surrogates, naming the field', () => {
  it('the case label', async () => {
    await expectRefused({ email: nv('qa'), path: '/v1/cases/NV-00001', method: 'PATCH', field: 'label', body: (label) => ({ label }), versioned: '/v1/cases/NV-00001' });
  });

  it('team and user names', async () => {
    await expectRefused({ email: nv('admin'), path: '/v1/teams/assessment', method: 'PATCH', field: 'name', body: (name) => ({ name }), versioned: '/v1/teams/assessment' });
    await expectRefused({ email: nv('admin'), path: '/v1/teams', method: 'POST', field: 'name', body: (name) => ({ name }), list: '/v1/teams' });
    await expectRefused({ email: nv('admin'), path: '/v1/users/nv-student', method: 'PATCH', field: 'name', body: (name) => ({ name }), versioned: '/v1/users/nv-student' });
  });

  it('the note on a safety alert', async () => {
    const alert = `/v1/alerts/${alertResponseId(NORTHVALE)}`;
    await expectRefused({ email: nv('qa'), path: `${alert}/actions`, method: 'POST', field: 'note', body: (note) => ({ note }), list: alert });
  });

  it('both halves of a "You said, we did" entry and their translations', async () => {
    const entry = (heard: string, did = 'We changed the bus times.') => ({ heard, did, doneOn: todayInLondon() });
    const list = `/v1/public/${NORTHVALE.slug}/you-said-we-did`;
    await expectRefused({ email: nv('qa'), path: '/v1/engagement/you-said-we-did', method: 'POST', field: 'heard', body: (heard) => entry(heard), list });
    await expectRefused({ email: nv('qa'), path: '/v1/engagement/you-said-we-did', method: 'POST', field: 'did', body: (did) => entry('You told us the bus was late.', did), list });
    await expectRefused({ email: nv('qa'), path: '/v1/engagement/you-said-we-did', method: 'POST', field: 'translations.ur.did', body: (did) => ({ ...entry('Heard'), translations: { ur: { heard: 'سنا', did } } }), list });
  });

  it('the reasons for cancelling an audit and an action', async () => {
    const planned = await planAudit(stack, { caseRef: 'NV-00004' });
    const audit = `/v1/audits/${planned.audit.id}`;
    await expectRefused({ email: nv('manager'), path: `${audit}/cancel`, method: 'POST', field: 'reason', body: (reason) => ({ reason }), versioned: audit });
    const completed = await completedAudit(stack, { caseRef: 'NV-00003' });
    const { action } = await raiseAction(stack, { auditId: completed.audit.id, dueDate: todayInLondon() });
    await expectRefused({ email: nv('manager'), path: `/v1/actions/${action.id}/cancel`, method: 'POST', field: 'reason', body: (reason) => ({ reason }), versioned: `/v1/actions/${action.id}` });
  });

  it('a line break in a name, where text must stay on one line, but not in a note', async () => {
    const before = await readVersioned(stack, nv('admin'), '/v1/teams/assessment');
    const problem = await expectProblem(await stack.api(nv('admin'), '/v1/teams/assessment', jsonInit('PATCH', { name: 'Assess\nment' }, { 'if-match': before.etag })), 400);
    expect(problem.errors).toEqual([{ path: 'name', message: TEXT_MESSAGES.oneLine }]);
    const noted = await expectJson<{ note?: string; actions?: { note: string }[] }>(await stack.api(nv('qa'), `/v1/alerts/${alertResponseId(NORTHVALE)}/actions`, jsonInit('POST', { note: 'Called the school.\nVisit booked.' })), 201);
    expect(JSON.stringify(noted)).toContain('Called the school.\\nVisit booked.');
  });
});

describe('direction overrides', () => {
  it('are taken out of staff text before it is stored, so none reaches the public page', async () => {
    const heard = 'You said the \u202Ebus was late\u202C and \u2067nobody\u2069 told you.';
    const entry = await expectJson<{ heard: string; did: string }>(await stack.api(nv('qa'), '/v1/engagement/you-said-we-did', jsonInit('POST', { heard, did: '\u202DWe moved\u202C visits to after school.', doneOn: todayInLondon() })), 201);
    expect(entry).toMatchObject({ heard: 'You said the bus was late and nobody told you.', did: 'We moved visits to after school.' });
    const page = await fetch(`${stack.apiUrl}/v1/public/${NORTHVALE.slug}/you-said-we-did`).then((r) => r.text());
    expect(page).toContain('You said the bus was late and nobody told you.');
    expect(page).not.toMatch(/\\u202[a-e]|\\u206[6-9]|[\u202A-\u202E\u2066-\u2069]/i);
  });
});
