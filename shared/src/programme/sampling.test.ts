import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ineligibility, proposeSample, swapProblem, type SampleCandidate } from './sampling.ts';

const MONTH = '2026-11';
const TYPES = ['early-help', 'child-in-need', 'child-protection', 'child-looked-after', 'care-leaver'];

const candidate: fc.Arbitrary<SampleCandidate> = fc.record({
  ref: fc.integer({ min: 1, max: 99999 }).map((n) => `NV-${String(n).padStart(5, '0')}`),
  holderId: fc.constantFrom('h1', 'h2', 'h3', 'h4', 'h5', 'h6'),
  caseType: fc.constantFrom(...TYPES),
  status: fc.constantFrom('open', 'open', 'open', 'closed'),
  lastAuditedOn: fc.option(
    fc.date({ min: new Date('2024-01-01'), max: new Date('2026-10-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    { nil: undefined },
  ),
  auditUnderWay: fc.constantFrom(false, false, false, true),
}) as fc.Arbitrary<SampleCandidate>;

const caseload = fc.uniqueArray(candidate, { selector: (c) => c.ref, maxLength: 60 });
const settings = fc.record({ seed: fc.string({ minLength: 1, maxLength: 20 }), size: fc.integer({ min: 0, max: 8 }) });

describe('monthly audit sample', () => {
  it('only ever picks open cases not audited in the last 12 months', () => {
    fc.assert(
      fc.property(caseload, settings, (cases, { seed, size }) => {
        const sample = proposeSample({ seed, month: MONTH, size, candidates: cases });
        for (const ref of sample.picked)
          expect(
            ineligibility(
              cases.find((c) => c.ref === ref)!,
              `${MONTH}-01`,
            ),
          ).toBeNull();
      }),
    );
  });

  it('picks as many as asked, or every eligible case when there are fewer, never the same twice', () => {
    fc.assert(
      fc.property(caseload, settings, (cases, { seed, size }) => {
        const sample = proposeSample({ seed, month: MONTH, size, candidates: cases });
        expect(sample.picked).toHaveLength(Math.min(size, sample.eligible));
        expect(new Set(sample.picked).size).toBe(sample.picked.length);
      }),
    );
  });

  it('replays exactly from its seed, whatever order the caseload arrives in', () => {
    fc.assert(
      fc.property(caseload, settings, (cases, { seed, size }) => {
        const first = proposeSample({ seed, month: MONTH, size, candidates: cases });
        const again = proposeSample({ seed, month: MONTH, size, candidates: [...cases].reverse() });
        expect(again.picked).toEqual(first.picked);
      }),
    );
  });

  it('spreads across case holders: nobody gets a second case while an eligible holder has none', () => {
    fc.assert(
      fc.property(caseload, settings, (cases, { seed, size }) => {
        const sample = proposeSample({ seed, month: MONTH, size, candidates: cases });
        const holderOf = (ref: string) => cases.find((c) => c.ref === ref)!.holderId;
        const eligibleHolders = new Set(cases.filter((c) => ineligibility(c, `${MONTH}-01`) === null).map((c) => c.holderId));
        const pickedHolders = new Set(sample.picked.map(holderOf));
        expect(pickedHolders.size).toBe(Math.min(sample.picked.length, eligibleHolders.size));
      }),
    );
  });

  it('never picks a case whose audit is already planned or in progress', () => {
    fc.assert(
      fc.property(caseload, settings, (cases, { seed, size }) => {
        const sample = proposeSample({ seed, month: MONTH, size, candidates: cases });
        for (const ref of sample.picked) expect(cases.find((c) => c.ref === ref)!.auditUnderWay).toBe(false);
      }),
    );
  });

  it('counts a case audited exactly 12 months before the month as eligible again', () => {
    const c: SampleCandidate = { ref: 'NV-1', caseType: 'child-in-need', status: 'open', lastAuditedOn: '2025-11-01' };
    expect(ineligibility(c, '2026-11-01')).toBeNull();
    expect(ineligibility({ ...c, lastAuditedOn: '2025-11-02' }, '2026-11-01')).toBe('audited-in-last-12-months');
  });
});

describe('swapping a sampled case', () => {
  const cases: SampleCandidate[] = [
    { ref: 'A', caseType: 'child-in-need', status: 'open' },
    { ref: 'B', caseType: 'child-in-need', status: 'open' },
    { ref: 'C', caseType: 'child-in-need', status: 'closed' },
    { ref: 'D', caseType: 'child-in-need', status: 'open', lastAuditedOn: '2026-06-01' },
    { ref: 'E', caseType: 'child-in-need', status: 'open', auditUnderWay: true },
  ];
  it('allows an eligible replacement', () => {
    expect(swapProblem({ month: MONTH, picked: ['A'], out: 'A', in: 'B', candidates: cases })).toBeNull();
  });
  it('refuses closed, recently audited, already-audited, unknown or already-sampled cases', () => {
    expect(swapProblem({ month: MONTH, picked: ['A'], out: 'A', in: 'C', candidates: cases })).toBe('closed');
    expect(swapProblem({ month: MONTH, picked: ['A'], out: 'A', in: 'D', candidates: cases })).toBe('audited-in-last-12-months');
    expect(swapProblem({ month: MONTH, picked: ['A'], out: 'A', in: 'E', candidates: cases })).toBe('audit-under-way');
    expect(swapProblem({ month: MONTH, picked: ['A'], out: 'A', in: 'Z', candidates: cases })).toBe('unknown-case');
    expect(swapProblem({ month: MONTH, picked: ['A', 'B'], out: 'A', in: 'B', candidates: cases })).toBe('already-in-sample');
    expect(swapProblem({ month: MONTH, picked: ['A'], out: 'B', in: 'A', candidates: cases })).toBe('not-in-sample');
  });
});
