/** The templates Waypoint ships and seeds for every authority, as version 1: audit templates, feedback forms, the shadowing observation and the thematic review tool. */
import { BUILT_IN_FEEDBACK_FORMS } from '../../engagement/forms/built-in-feedback-forms.ts';
import { thematicReviewTemplate } from '../../reviews/review-template.ts';
import { shadowingObservation } from '../../shadowing/shadowing-observation-template.ts';
import type { TemplateDefinition } from '../template-schemas.ts';
import { journeyOfTheChild } from './journey-of-the-child.ts';
import { tacReflectiveCaseSummary } from './tac-reflective-case-summary.ts';

export { JOURNEY_OF_THE_CHILD_ID } from './journey-of-the-child.ts';
export { TAC_REFLECTIVE_SUMMARY_ID } from './tac-reflective-case-summary.ts';

export const BUILT_IN_TEMPLATES: readonly TemplateDefinition[] = [journeyOfTheChild, tacReflectiveCaseSummary, ...BUILT_IN_FEEDBACK_FORMS, shadowingObservation, thematicReviewTemplate];
