/**
 * Retention leaves nothing that names a deleted case: after a closed case named by a sample, a
 * review's cohort, a safety alert, an invitation code, compliance draws and emails is deleted,
 * no item anywhere in its authority's keys holds its reference, while the records stay (a
 * sample keeps its size, a review its cohort's size) and another case's records are as they
 * were. Another authority's case with the same reference keeps everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '@waypoint/shared/time/clock';
import { removeExpiredItems } from '@waypoint/functions/jobs/retention-job';
import { startStack, type TestStack } from '../support/stack.ts';
import { NORTHVALE, SOUTHMOOR, expectJson, jsonInit, nv, readVersioned, sm } from './api-client.ts';
import { itemsOf } from './offboarding-support.ts';

const REF = 'NV-00002';
const names = (ref: string) => new RegExp(`(?<![A-Za-z0-9-])${ref}(?![A-Za-z0-9-])`, 'i');
const THIRTY_YEARS = 30 * 366 * 86_400_000;
let stack: TestStack;

/** The items of an authority that name `ref`, by key. */
async function naming(tenantId: string, ref: string): Promise<Map<string, string>> {
  return new Map([...(await itemsOf(stack, tenantId))].filter(([, json]) => names(ref).test(json)));
}

beforeAll(async () => {
  stack = await startStack();
  // Southmoor has a case with the same reference, open, with a code linked to it.
  const theirs = await expectJson<{ items: { teamId: string; caseType: string }[] }>(await stack.api(sm('qa'), '/v1/cases?limit=1'));
  await expectJson(await stack.api(sm('qa'), '/v1/cases', jsonInit('POST', { ref: REF, teamId: theirs.items[0]!.teamId, caseType: theirs.items[0]!.caseType })), 201);
});
afterAll(async () => {
  clock.set(undefined);
  await stack?.stop();
});

describe('retention leaves no record naming a deleted case', () => {
  it('rewrites or deletes every record naming it, keeps the records that must stay, and touches no other case or authority', async () => {
    const before = await naming(NORTHVALE.id, REF);
    const kinds = [...before.keys()].join('\n');
    // The case is named by each kind of record retention must deal with.
    expect(kinds).toMatch(/#PROGRAMME#.*\|SAMPLE#/);
    expect(kinds).toMatch(/#ALERT#.*\|ALERT/);
    expect(kinds).toMatch(/#ENGAGEMENT#.*\|CODE#/);
    // A case in a published thematic review's cohort goes too.
    const reviewKey = [...(await itemsOf(stack, NORTHVALE.id))].find(([key, json]) => key.endsWith('|REVIEW') && (JSON.parse(json) as { state: string }).state === 'published')!;
    const review = JSON.parse(reviewKey[1]) as { findings: string; cohort: { cases: { caseRef: string }[] } };
    const inReview = review.cohort.cases.map((c) => c.caseRef).find((r) => r !== REF && r !== 'NV-00001')!;
    const reviewBefore = await naming(NORTHVALE.id, inReview);
    expect([...reviewBefore.keys()].join('\n')).toMatch(/#REVIEW#.*\|COHORT-CANDIDATES/);
    const otherBefore = await naming(NORTHVALE.id, 'NV-00001');
    const theirsBefore = await naming(SOUTHMOOR.id, REF);
    expect(theirsBefore.size).toBeGreaterThan(0);

    for (const ref of [REF, inReview]) {
      const { etag } = await readVersioned(stack, nv('qa'), `/v1/cases/${ref}`);
      await expectJson(await stack.api(nv('qa'), `/v1/cases/${ref}`, jsonInit('PATCH', { status: 'closed' }, { 'if-match': etag })));
    }
    clock.set(new Date(Date.now() + THIRTY_YEARS));
    try {
      expect((await removeExpiredItems(stack.jobDependencies)).casesDeleted).toBeGreaterThanOrEqual(1);
      // A second run finds nothing more to do.
      const again = await removeExpiredItems(stack.jobDependencies);
      expect(again.casesDeleted).toBe(0);
    } finally {
      clock.set(undefined);
    }

    const all = await itemsOf(stack, NORTHVALE.id);
    for (const ref of [REF, inReview]) expect([...all].filter(([, json]) => names(ref).test(json)).map(([key]) => key)).toEqual([]);
    // The review keeps its cohort's size and its findings; the cases its draw matched keep their number.
    const reviewAfter = JSON.parse(all.get(reviewKey[0])!) as typeof review;
    expect(reviewAfter.cohort.cases).toHaveLength(review.cohort.cases.length);
    expect(reviewAfter.findings).toBe(review.findings);
    const candidatesKey = [...reviewBefore.keys()].find((k) => k.endsWith('|COHORT-CANDIDATES'))!;
    expect((JSON.parse(all.get(candidatesKey)!) as { eligible: unknown[] }).eligible).toHaveLength((JSON.parse(reviewBefore.get(candidatesKey)!) as { eligible: unknown[] }).eligible.length);
    // Samples and the code stay, naming a deleted case by its stand-in; the sample keeps its size.
    for (const key of [...before.keys()].filter((k) => /\|SAMPLE#/.test(k))) {
      const wasSample = JSON.parse(before.get(key)!) as { size: number; proposed: string[]; candidates: unknown[] };
      const sample = JSON.parse(all.get(key)!) as { size: number; proposed: string[]; candidates: unknown[] };
      expect(sample.size).toBe(wasSample.size);
      expect(sample.proposed.length).toBe(wasSample.proposed.length);
      expect(sample.candidates.length).toBe(wasSample.candidates.length);
      expect(all.get(key)).toMatch(/DELETED-/);
    }
    const code = [...before.keys()].find((k) => /\|CODE#/.test(k))!;
    expect(JSON.parse(all.get(code)!)).not.toHaveProperty('caseRef');
    // Another case's records are all still there and still name it.
    const otherAfter = await naming(NORTHVALE.id, 'NV-00001');
    expect([...otherAfter.keys()].sort()).toEqual([...otherBefore.keys()].sort());
    // Southmoor's case with the same reference is untouched, and so is everything naming it.
    expect(await naming(SOUTHMOOR.id, REF)).toEqual(theirsBefore);
    await expectJson(await stack.api(sm('qa'), `/v1/cases/${REF}`));
  });
});
