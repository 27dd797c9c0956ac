/**
 * The case holder's voice: once an audit is completed, its case holder (and the student who
 * took part) say whether they agree with each section's grade, giving a reason when they do
 * not; the auditor or a QA officer may reply to a disagreement. One versioned document per
 * audit holds every view, so the audit's read view gets it in the same Query.
 */
import * as v from 'valibot';
import type { Grade } from '../templates/grade-scale.ts';
import type { CaseType } from '../cases/case-schemas.ts';
import { Text } from '../text/text-schemas.ts';
import type { ReflectionAuthorRole } from './reflection-schemas.ts';

export const GRADE_VIEW_REASON_MAX = 2000;
export const GRADE_VIEW_REPLY_MAX = 2000;

/** `PUT /v1/audits/{id}/grade-views/{sectionId}`: agree, or disagree and say why. */
export const GradeViewBody = v.pipe(
  v.strictObject({
    agrees: v.boolean('Say whether you agree with the grade (true or false)'),
    reason: v.optional(Text({ max: GRADE_VIEW_REASON_MAX, lines: 'many', tooLong: `Use at most ${GRADE_VIEW_REASON_MAX} characters for why you disagree` })),
  }),
  v.forward(
    v.check((body) => body.agrees || (body.reason ?? '').length > 0, 'Say why you disagree with the grade'),
    ['reason'],
  ),
  v.forward(
    v.check((body) => !body.agrees || !body.reason, 'Leave the reason out when you agree with the grade'),
    ['reason'],
  ),
);
export type GradeViewBody = v.InferOutput<typeof GradeViewBody>;

/** `PUT /v1/audits/{id}/grade-views/{sectionId}/{personId}/reply`: the auditor's or QA's answer to a disagreement. */
export const GradeViewReplyBody = v.strictObject({
  text: Text({ max: GRADE_VIEW_REPLY_MAX, required: 'Write your reply', lines: 'many' }),
});
export type GradeViewReplyBody = v.InferOutput<typeof GradeViewReplyBody>;

export interface GradeViewReply {
  byId: string;
  text: string;
  at: string;
}

export interface GradeView {
  sectionId: string;
  personId: string;
  role: ReflectionAuthorRole;
  /** The grade the view is about, kept in case the audit is reopened and graded again. */
  grade: Grade;
  agrees: boolean;
  reason?: string;
  at: string;
  /** Kept while the reason it answers stands; a changed reason clears it. */
  reply?: GradeViewReply;
}

export interface GradeViews {
  auditId: string;
  /** The audit's programme month, team and case type: where the views count on the dashboard. */
  month: string;
  teamId: string;
  caseType: CaseType;
  views: GradeView[];
  version: number;
  updatedAt: string;
}
