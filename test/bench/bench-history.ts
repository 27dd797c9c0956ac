/**
 * A bench authority's history, made in memory: cases with demographics, audits spread evenly
 * over the months up to this one, moderations of every tenth completed audit, and actions
 * raised from completed audits (older ones mostly verified, recent ones open, some overdue).
 * Deterministic for a given seed, so every run measures the same data.
 */
import type { Action } from '@waypoint/shared/actions/action-schemas';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import type { Case, CaseType } from '@waypoint/shared/cases/case-schemas';
import { DISABILITY_VALUES, ETHNICITY_CATEGORIES, GENDERS } from '@waypoint/shared/demographics/demographics';
import type { Moderation } from '@waypoint/shared/moderation/moderation-schemas';
import { shiftMonth } from '@waypoint/shared/programme/programme-dates';
import { GRADES, type Grade } from '@waypoint/shared/templates/grade-scale';
import { BUILT_IN_TEMPLATES, JOURNEY_OF_THE_CHILD_ID } from '@waypoint/shared/templates/built-in/built-in-templates';

export interface BenchHistory {
  cases: Case[];
  audits: Audit[];
  moderations: Moderation[];
  actions: Action[];
}

export const BENCH_TEAMS: { id: string; caseTypes: CaseType[] }[] = [
  { id: 'child-in-need', caseTypes: ['child-in-need'] },
  { id: 'assessment', caseTypes: ['child-in-need', 'child-protection'] },
  { id: 'child-protection', caseTypes: ['child-protection'] },
  { id: 'children-looked-after', caseTypes: ['child-looked-after', 'care-leaver'] },
  { id: 'early-help', caseTypes: ['early-help'] },
];

const JOURNEY = BUILT_IN_TEMPLATES.find((t) => t.templateId === JOURNEY_OF_THE_CHILD_ID)!;
const SECTIONS = JOURNEY.sections.filter((s) => s.questions.some((q) => q.type === 'grade' && q.meaning !== 'overall-grade')).map((s) => s.id);
const AGE_BANDS = ['0-4', '5-9', '10-15', '16-17'] as const;

/** mulberry32: a small seeded generator, so the history is the same every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (month: string, d: number) => `${month}-${String(Math.min(28, Math.max(1, d))).padStart(2, '0')}`;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const noon = (date: string) => `${date}T12:00:00.000Z`;

export function benchHistory(options: { prefix: string; months: number; audits: number; actions: number; cases: number; today: string; seed: number }): BenchHistory {
  const rand = random(options.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const thisMonth = options.today.slice(0, 7);
  const months = Array.from({ length: options.months }, (_, n) => shiftMonth(thisMonth, n - options.months + 1));
  const p = options.prefix.toLowerCase();
  const cases: Case[] = Array.from({ length: options.cases }, (_, n) => {
    const team = BENCH_TEAMS[n % BENCH_TEAMS.length]!;
    const recorded = rand() > 0.1;
    return {
      ref: `${options.prefix}-${String(n + 1).padStart(5, '0')}`,
      teamId: team.id,
      caseType: team.caseTypes[n % team.caseTypes.length]!,
      ageBand: pick(AGE_BANDS),
      ...(recorded ? { gender: pick(GENDERS), ethnicity: pick(ETHNICITY_CATEGORIES), disability: pick(DISABILITY_VALUES) } : {}),
      holderId: `${p}-sw-${n % 40}`,
      status: 'open',
      version: 1,
      createdAt: noon(addDays(`${months[0]}-01`, -30)),
      updatedAt: noon(addDays(`${months[0]}-01`, -30)),
    };
  });
  const grade = (): Grade => GRADES[Math.min(3, Math.floor(rand() * rand() * 5))]!;
  const audits: Audit[] = Array.from({ length: options.audits }, (_, n) => {
    const month = months[Math.floor((n * options.months) / options.audits)]!;
    const c = cases[(n * 7) % cases.length]!;
    const current = month === thisMonth;
    const roll = rand();
    const state = current ? (roll < 0.4 ? 'completed' : roll < 0.7 ? 'in-progress' : 'planned') : roll < 0.92 ? 'completed' : roll < 0.95 ? 'cancelled' : 'planned';
    const completedOn = state === 'completed' ? (rand() < 0.85 ? day(month, 8 + Math.floor(rand() * 20)) : addDays(day(month, 28), 5 + Math.floor(rand() * 20))) : undefined;
    const completed = completedOn !== undefined && completedOn <= options.today ? completedOn : state === 'completed' ? options.today : undefined;
    const overall = grade();
    return {
      id: `${p}-a-${n}`,
      caseRef: c.ref,
      teamId: c.teamId,
      caseType: c.caseType,
      templateId: JOURNEY_OF_THE_CHILD_ID,
      templateVersion: 1,
      templateName: JOURNEY.name,
      auditType: 'monthly',
      month,
      state,
      auditorId: `${p}-manager-${c.teamId}`,
      caseHolderId: c.holderId,
      partners: [],
      periodReviewed: { from: `${month}-01`, to: `${month}-01` },
      answers: {},
      sectionGrades: completed ? Object.fromEntries(SECTIONS.map((s) => [s, rand() < 0.6 ? overall : grade()])) : {},
      ...(completed ? { overallGrade: overall, completedAt: noon(completed), completedById: `${p}-manager-${c.teamId}` } : {}),
      safeguardingConcern: false,
      safeguardingSections: [],
      reopenings: [],
      createdById: `${p}-manager-${c.teamId}`,
      version: state === 'planned' ? 1 : 3,
      createdAt: noon(`${month}-01`),
      updatedAt: noon(completed ?? `${month}-01`),
    } as Audit;
  });
  const done = audits.filter((a) => a.state === 'completed');
  const moderations: Moderation[] = done
    .filter((_, n) => n % 10 === 0)
    .map((a) => {
      const sections = Object.fromEntries(Object.entries(a.sectionGrades).map(([s, g]) => [s, { grade: rand() < 0.8 ? g : grade() }]));
      return {
        auditId: a.id,
        month: a.month,
        teamId: a.teamId,
        auditorId: a.auditorId,
        moderatorId: `${p}-qa`,
        sections,
        overallGrade: rand() < 0.8 ? a.overallGrade : grade(),
        comment: 'Moderated.',
        auditorSectionGrades: a.sectionGrades,
        auditorOverallGrade: a.overallGrade,
        version: 1,
        createdAt: a.updatedAt,
        updatedAt: a.updatedAt,
      } as Moderation;
    });
  const actions: Action[] = Array.from({ length: options.actions }, (_, n) => {
    const audit = done[Math.floor((n * done.length) / options.actions)]!;
    const raisedOn = audit.completedAt!.slice(0, 10);
    const dueDate = addDays(raisedOn, pick([14, 28, 42]));
    const age = (Date.parse(options.today) - Date.parse(raisedOn)) / 86_400_000;
    const roll = rand();
    const state = age > 90 ? (roll < 0.65 ? 'verified' : roll < 0.85 ? 'done' : roll < 0.95 ? 'cancelled' : 'open') : roll < 0.3 ? 'done' : roll < 0.5 ? 'in-progress' : roll < 0.6 ? 'cancelled' : 'open';
    const doneOnRaw = addDays(raisedOn, 3 + Math.floor(rand() * 40));
    const doneOn = doneOnRaw < options.today ? doneOnRaw : options.today;
    const isDone = state === 'done' || state === 'verified';
    return {
      id: `${p}-x-${n}`,
      source: { type: 'audit', auditId: audit.id, sectionId: pick(SECTIONS) },
      description: 'Update the plan with owners and dates.',
      ownerId: audit.caseHolderId!,
      dueDate,
      priority: 'medium',
      state,
      caseRef: audit.caseRef,
      teamId: audit.teamId,
      caseType: audit.caseType,
      raisedById: audit.auditorId,
      ...(isDone ? { evidence: 'Done; see the record.', doneOn, completedAt: noon(doneOn), completedById: audit.caseHolderId } : {}),
      ...(state === 'verified' ? { verifiedAt: noon(doneOn), verifiedById: audit.auditorId } : {}),
      reopenings: [],
      version: state === 'open' ? 1 : state === 'verified' ? 3 : 2,
      createdAt: audit.completedAt!,
      updatedAt: isDone ? noon(doneOn) : audit.completedAt!,
    } as Action;
  });
  return { cases, audits, moderations, actions };
}
