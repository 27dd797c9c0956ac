/**
 * The monthly audit programme: each manager's sample of cases (proposed from a recorded
 * seed, swapped with reasons, then accepted as planned audits) and the month's picture.
 */
import * as v from 'valibot';
import { Text } from '../text/text-schemas.ts';
import { Month } from '../audits/audit-dates.ts';
import type { AuditState } from '../audits/audit-schemas.ts';
import { CaseRef, EntityId, type CaseType } from '../cases/case-schemas.ts';
import type { Grade } from '../templates/grade-scale.ts';
import type { StaffRole } from '../tenancy/roles.ts';
import type { Ineligibility, SampleCandidate } from './sampling.ts';

export { Month };

export const SAMPLE_STATES = ['proposed', 'accepted'] as const;
export type SampleState = (typeof SAMPLE_STATES)[number];

const Reason = Text({ max: 1000, required: 'Give a reason for the swap', lines: 'many' });

/** A manager proposes their own sample; a QA officer names the manager. */
export const ProposeSampleBody = v.strictObject({ managerId: v.optional(EntityId) });
export type ProposeSampleBody = v.InferOutput<typeof ProposeSampleBody>;

export const SwapSampleBody = v.strictObject({ out: CaseRef, in: CaseRef, reason: Reason });
export type SwapSampleBody = v.InferOutput<typeof SwapSampleBody>;

export interface SampleSwap {
  out: string;
  in: string;
  reason: string;
  byId: string;
  at: string;
}

/**
 * One manager's sample for one month. `seed` and `candidates` are what `proposeSample`
 * was given, so anyone can replay the draw and get `proposed` again; `picked` is the sample
 * after any swaps.
 */
export interface Sample {
  month: string;
  managerId: string;
  /** The manager's teams when the sample was drawn. */
  teamIds: string[];
  state: SampleState;
  seed: string;
  size: number;
  /** How many candidates were eligible. */
  eligible: number;
  candidates: SampleCandidate[];
  /** The draw as the seed made it. */
  proposed: string[];
  /** The sample now: the draw with every swap applied, in order. */
  picked: string[];
  swaps: SampleSwap[];
  /** The planned audits accepting created, in the order of `picked`. */
  auditIds: string[];
  proposedById: string;
  acceptedById?: string;
  acceptedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A sample as the programme lists it: without the candidate snapshot. */
export type SampleSummary = Omit<Sample, 'candidates'>;

/** A candidate with why it could not be sampled, for explaining a draw. */
export interface ExplainedCandidate extends SampleCandidate {
  ineligibility: Ineligibility | null;
}

export interface SampleDetail extends Omit<Sample, 'candidates'> {
  candidates: ExplainedCandidate[];
  /** Whether drawing again from `seed` and `candidates` gives `proposed`: the draw explained. */
  replays: boolean;
  people: Record<string, string>;
}

/** The slim view of an audit the programme needs. */
export interface ProgrammeAudit {
  id: string;
  caseRef: string;
  teamId: string;
  caseType: CaseType;
  month: string;
  state: AuditState;
  auditorId: string;
  caseHolderId?: string;
  overallGrade?: Grade;
  dueDate: string;
  late: boolean;
  daysLate: number;
  /** Set when the audit is a re-audit of an Inadequate one. */
  reauditOf?: string;
  /** Set when the audit came from a manager's accepted sample. */
  sampledFor?: string;
  /** The meeting booked for the conversation, when there is one. */
  meetingDate?: string;
  meetingTime?: string;
}

/** The month's audits by state, and the late audits of this month or the 12 before (rows of `ProgrammeMonth.late`). */
export interface ProgrammeCounts {
  planned: number;
  inProgress: number;
  completed: number;
  cancelled: number;
  /** Still planned or in progress after their month ended (audit-timeliness.ts), this month or the 12 before. */
  late: number;
}

/** One person's month: a manager (with a sample and a target) or anyone else who ran audits. */
export interface ProgrammeRow {
  userId: string;
  role: StaffRole | null;
  teamIds: string[];
  /** The tenant's audits per manager per month, for managers; null for anyone else. */
  target: number | null;
  sample: SampleSummary | null;
  counts: ProgrammeCounts;
}

export interface ProgrammeMonth {
  month: string;
  dueDate: string;
  today: string;
  monthEnded: boolean;
  auditsPerManagerPerMonth: number;
  rows: ProgrammeRow[];
  /** Every audit the caller may see counted: the month's by state, and `late.length` late. */
  totals: ProgrammeCounts;
  /** Every audit of the month the caller may see, in team and case order. */
  audits: ProgrammeAudit[];
  /** Late audits of this month and of the 12 before it, still outstanding, most overdue first. */
  late: ProgrammeAudit[];
  people: Record<string, string>;
}
