/**
 * Records compliance audits: each month a number of cases per team is drawn with the audit
 * sample's seeded sampling, and each is checked against the checklist (compliance-checklist.ts).
 * One check per case per month, so its id is the month and the case reference.
 */
import * as v from 'valibot';
import { Month } from '../audits/audit-dates.ts';
import { CaseRef, EntityId, type CaseType } from '../cases/case-schemas.ts';
import type { SampleCandidate } from '../programme/sampling.ts';
import { Text } from '../text/text-schemas.ts';
import { COMPLIANCE_ANSWERS, COMPLIANCE_ITEMS, type ComplianceAnswer, type ComplianceItem } from './compliance-checklist.ts';

export { Month };

const eachItem = <T extends v.GenericSchema>(schema: T) => Object.fromEntries(COMPLIANCE_ITEMS.map((item) => [item, schema])) as Record<ComplianceItem, T>;

const Answer = v.picklist(COMPLIANCE_ANSWERS, 'Choose yes, no or not applicable');
const Note = Text({ max: 1000, lines: 'many' });

/** Every item must be answered; the route names each one left out (optional here so each gets its own message). */
export const ComplianceAnswers = v.strictObject(eachItem(v.optional(Answer)));
export const ComplianceNotes = v.strictObject(eachItem(v.optional(Note)));

export const RecordCheckBody = v.strictObject({
  /** The programme month the check belongs to: this month or an earlier one. */
  month: Month,
  caseRef: CaseRef,
  answers: ComplianceAnswers,
  notes: v.optional(ComplianceNotes),
});
export type RecordCheckBody = v.InferOutput<typeof RecordCheckBody>;

export const ChangeCheckBody = v.strictObject({ answers: ComplianceAnswers, notes: v.optional(ComplianceNotes) });
export type ChangeCheckBody = v.InferOutput<typeof ChangeCheckBody>;

export const ComplianceCheckId = EntityId;

/** The check of a case in a month: `2026-12.NV-00001`. */
export function complianceCheckId(month: string, caseRef: string): string {
  return `${month}.${caseRef}`;
}

export const DrawComplianceBody = v.strictObject({
  /** Cases drawn from each team; 5 when absent. */
  checksPerTeam: v.optional(v.pipe(v.number('Enter a whole number'), v.integer('Enter a whole number'), v.minValue(1, 'Draw at least 1 case per team'), v.maxValue(50, 'Draw at most 50 cases per team')), 5),
});
export type DrawComplianceBody = v.InferOutput<typeof DrawComplianceBody>;

export const ComplianceReportQuery = v.strictObject({
  /** The last month of the 12; this month (London) when absent, never a later one. */
  to: v.optional(Month),
  team: v.optional(EntityId),
});
export type ComplianceReportQuery = v.InferOutput<typeof ComplianceReportQuery>;

export const COMPLIANCE_REPORT_FIGURES = ['months', 'items', 'teams'] as const;
export type ComplianceReportFigure = (typeof COMPLIANCE_REPORT_FIGURES)[number];
export const ComplianceExportQuery = v.strictObject({ ...ComplianceReportQuery.entries, figure: v.picklist(COMPLIANCE_REPORT_FIGURES, 'Choose months, items or teams') });

export interface ComplianceCheck {
  id: string;
  month: string;
  caseRef: string;
  /** The case's team, type and holder when checked: where the check counts and who an action goes to. */
  teamId: string;
  caseType: CaseType;
  holderId?: string;
  answers: Record<ComplianceItem, ComplianceAnswer>;
  notes: Partial<Record<ComplianceItem, string>>;
  checkedById: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ComplianceCheckView extends ComplianceCheck {
  people: Record<string, string>;
}

/** One team's draw: replayable from `seed` and `candidates` with `proposeSample`. */
export interface ComplianceTeamDraw {
  teamId: string;
  seed: string;
  size: number;
  eligible: number;
  candidates: SampleCandidate[];
  picked: string[];
}

export interface ComplianceProgramme {
  month: string;
  checksPerTeam: number;
  teams: ComplianceTeamDraw[];
  drawnById: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A drawn case and where its check stands. */
export interface ComplianceProgrammeCase {
  caseRef: string;
  teamId: string;
  holderId?: string;
  checkId: string;
  checked: boolean;
  /** Items answered "no", once checked. */
  noItems: ComplianceItem[];
}

export interface ComplianceProgrammeView {
  month: string;
  /** Null until the month's cases are drawn. */
  drawn: { checksPerTeam: number; drawnById: string; createdAt: string; replays: boolean } | null;
  teams: { teamId: string; name: string; eligible: number; cases: ComplianceProgrammeCase[] }[];
  checked: number;
  total: number;
  /** The first case not yet checked, in the programme's order: where "save and next case" goes. */
  next: string | null;
  people: Record<string, string>;
}

/** Answers counted: the share compliant is yes ÷ (yes + no); "not applicable" counts for neither. */
export interface ComplianceFigure {
  checks: number;
  yes: number;
  no: number;
  notApplicable: number;
  /** Checks with no item answered "no". */
  fullyCompliant: number;
  /** yes ÷ (yes + no); null while nothing was answered yes or no. */
  share: number | null;
}

export interface ComplianceReport {
  period: { from: string; to: string; months: string[] };
  filters: { team: string | null };
  overall: ComplianceFigure;
  months: ({ month: string } & ComplianceFigure)[];
  items: ({ item: ComplianceItem; label: string } & Omit<ComplianceFigure, 'checks' | 'fullyCompliant'>)[];
  teams: ({ teamId: string; name: string } & ComplianceFigure)[];
}
