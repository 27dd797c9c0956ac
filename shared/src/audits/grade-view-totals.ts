/**
 * What the case holders' views on grades add to the monthly totals (`h.` counters, beside the
 * audits' in the same items), and the dashboard's figure read back from them. Pure, so the
 * running totals, the reconcile job and every screen count alike.
 */
import type { Contribution } from '../dashboards/totals-contributions.ts';
import type { Counters } from '../dashboards/totals-counters.ts';
import type { GradeViews } from './grade-view-schemas.ts';

export const gradeViewCounter = {
  /** Views given on a section's grade. */
  given: 'h.n',
  /** Of those, the ones agreeing with the grade. */
  agreed: 'h.a',
} as const;

/** Below this many views the share is not shown: a handful of people could be recognised. */
export const GRADE_VIEWS_SHOWN_FROM = 5;

export function gradeViewsContribution(doc: Pick<GradeViews, 'month' | 'teamId' | 'caseType' | 'views'>): Contribution[] {
  if (!doc.views.length) return [];
  const agreed = doc.views.filter((view) => view.agrees).length;
  return [{ bucket: { month: doc.month, teamId: doc.teamId, caseType: doc.caseType }, counters: { [gradeViewCounter.given]: doc.views.length, ...(agreed ? { [gradeViewCounter.agreed]: agreed } : {}) } }];
}

export interface GradeAgreementFigure {
  /** Views given in the period (every one counted, shown or not). */
  given: number;
  /** Null when fewer than 5 views were given. */
  agreed: number | null;
  /** agreed ÷ given, when shown. */
  share: number | null;
}

export function gradeAgreementFigure(counters: Counters): GradeAgreementFigure {
  const given = counters[gradeViewCounter.given] ?? 0;
  if (given < GRADE_VIEWS_SHOWN_FROM) return { given, agreed: null, share: null };
  const agreed = counters[gradeViewCounter.agreed] ?? 0;
  return { given, agreed, share: agreed / given };
}
