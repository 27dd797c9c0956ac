/**
 * What an action takes from where it was raised: its case (an audit's) or none (feedback),
 * its team and case type, and what is wrong with the source, checked before it is written.
 */
import type { CaseType } from '@waypoint/shared/cases/case-schemas';
import type { FieldError } from '../platform/http/api-error.ts';

export interface ActionOrigin {
  caseRef?: string;
  /** Undefined only when `errors` says why. */
  teamId: string | undefined;
  caseType?: CaseType;
  errors: FieldError[];
  /** Why the source raises no actions now (a 409), after the input is fine. */
  conflict?: string;
}
