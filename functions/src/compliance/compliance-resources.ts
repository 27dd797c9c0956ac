/** Response schemas for records compliance in the OpenAPI document. */
import * as v from 'valibot';
import { COMPLIANCE_ANSWERS, COMPLIANCE_ITEMS } from '@waypoint/shared/compliance/compliance-checklist';
import { CASE_TYPES, EntityId } from '@waypoint/shared/cases/case-schemas';
import { Month } from '@waypoint/shared/audits/audit-dates';
import { versionedFields } from '../openapi/resource-fields.ts';

const n = v.pipe(v.number(), v.integer(), v.minValue(0));
const eachItem = <T extends v.GenericSchema>(schema: T) => v.object(Object.fromEntries(COMPLIANCE_ITEMS.map((item) => [item, schema])) as Record<(typeof COMPLIANCE_ITEMS)[number], T>);
const people = v.pipe(v.record(v.string(), v.string()), v.description('Names of the people it names, by id'));

const figureEntries = {
  checks: n,
  yes: n,
  no: n,
  notApplicable: n,
  fullyCompliant: v.pipe(n, v.description('Checks with no item answered “no”')),
  share: v.pipe(v.nullable(v.number()), v.description('yes ÷ (yes + no); null while there is neither')),
};

export const ComplianceFigureResource = v.pipe(v.object(figureEntries), v.title('ComplianceFigure'), v.description('Records compliance checks counted: the share compliant is yes ÷ (yes + no)'));

export const ComplianceCheckResource = v.pipe(
  v.object({
    id: v.pipe(EntityId, v.description('The month and the case reference: `2026-12.NV-00001`')),
    month: Month,
    caseRef: v.string(),
    teamId: EntityId,
    caseType: v.picklist(CASE_TYPES),
    holderId: v.optional(EntityId),
    answers: eachItem(v.picklist(COMPLIANCE_ANSWERS)),
    notes: v.partial(eachItem(v.string())),
    checkedById: EntityId,
    people,
    ...versionedFields,
  }),
  v.title('ComplianceCheck'),
);

export const ComplianceProgrammeResource = v.pipe(
  v.object({
    month: Month,
    drawn: v.nullable(v.object({ checksPerTeam: n, drawnById: EntityId, createdAt: v.string(), replays: v.pipe(v.boolean(), v.description('Whether drawing again from each team’s recorded seed and candidates gives the same cases')) })),
    teams: v.array(
      v.object({
        teamId: EntityId,
        name: v.string(),
        eligible: n,
        cases: v.array(v.object({ caseRef: v.string(), teamId: EntityId, holderId: v.optional(EntityId), checkId: EntityId, checked: v.boolean(), noItems: v.array(v.picklist(COMPLIANCE_ITEMS)) })),
      }),
    ),
    checked: n,
    total: n,
    next: v.pipe(v.nullable(v.string()), v.description('The first case not yet checked')),
    people,
  }),
  v.title('ComplianceProgramme'),
);

export const ComplianceReportResource = v.pipe(
  v.object({
    period: v.object({ from: Month, to: Month, months: v.array(Month) }),
    filters: v.object({ team: v.nullable(EntityId) }),
    overall: ComplianceFigureResource,
    months: v.array(v.object({ month: Month, ...figureEntries })),
    items: v.array(v.object({ item: v.picklist(COMPLIANCE_ITEMS), label: v.string(), yes: n, no: n, notApplicable: n, share: figureEntries.share })),
    teams: v.array(v.object({ teamId: EntityId, name: v.string(), ...figureEntries })),
  }),
  v.title('ComplianceReport'),
);
