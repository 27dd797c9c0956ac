/**
 * The audit conversation: its date, the period reviewed, and who took part besides the
 * auditor and case holder (a student, partners from other agencies). Saved as a draft.
 */
import * as v from 'valibot';
import { Partner, updateAuditBodyFor, type Audit, type UpdateAuditBody } from '@waypoint/shared/audits/audit-schemas';
import type { TemplateDefinition } from '@waypoint/shared/templates/template-schemas';
import { fieldErrorsFromIssues, type FieldError } from '../forms/form-errors.ts';
import { datePartsFromForm, datePartsFromIso, readDateParts, type DateParts } from './date-parts.ts';
import { formText } from './form-values.ts';

export interface PartnerRow {
  name: string;
  agency: string;
  role: string;
}

export interface ConversationFormValues {
  conversationDate: DateParts;
  periodFrom: DateParts;
  periodTo: DateParts;
  studentId: string;
  partners: PartnerRow[];
}

/** Blank rows offered below the partners already recorded, so more can be added without scripts. */
export const SPARE_PARTNER_ROWS = 3;
export const MAX_PARTNERS = 20;

const BLANK_ROW: PartnerRow = { name: '', agency: '', role: '' };

const isBlank = (row: PartnerRow) => !row.name.trim() && !row.agency.trim() && !row.role.trim();

/** The rows the form shows: those saved or typed, then spare blank ones up to the limit. */
export function partnerRowsToShow(rows: readonly PartnerRow[]): PartnerRow[] {
  const kept = rows.filter((r) => !isBlank(r));
  const spare = Math.max(0, Math.min(SPARE_PARTNER_ROWS, MAX_PARTNERS - kept.length));
  return [...kept, ...Array.from({ length: spare }, () => ({ ...BLANK_ROW }))];
}

export function conversationValuesFromAudit(audit: Pick<Audit, 'conversationDate' | 'periodReviewed' | 'studentId' | 'partners'>): ConversationFormValues {
  return {
    conversationDate: datePartsFromIso(audit.conversationDate),
    periodFrom: datePartsFromIso(audit.periodReviewed.from),
    periodTo: datePartsFromIso(audit.periodReviewed.to),
    studentId: audit.studentId ?? '',
    partners: audit.partners.map((p) => ({ name: p.name, agency: p.agency, role: p.role ?? '' })),
  };
}

export function conversationValuesFromForm(form: FormData): ConversationFormValues {
  const partners: PartnerRow[] = [];
  for (let i = 0; i < MAX_PARTNERS + SPARE_PARTNER_ROWS; i++) {
    if (!form.has(`partners.${i}.name`)) break;
    partners.push({ name: formText(form, `partners.${i}.name`), agency: formText(form, `partners.${i}.agency`), role: formText(form, `partners.${i}.role`) });
  }
  return {
    conversationDate: datePartsFromForm(form, 'conversationDate'),
    periodFrom: datePartsFromForm(form, 'periodReviewed.from'),
    periodTo: datePartsFromForm(form, 'periodReviewed.to'),
    studentId: formText(form, 'studentId'),
    partners,
  };
}

/** Each typed row checked on its own, so an error names the row the user sees. */
function partnerErrors(rows: readonly PartnerRow[]): { partners: v.InferOutput<typeof Partner>[]; errors: FieldError[] } {
  const partners: v.InferOutput<typeof Partner>[] = [];
  const errors: FieldError[] = [];
  rows.forEach((row, i) => {
    if (isBlank(row)) return;
    const candidate = { name: row.name, agency: row.agency, ...(row.role.trim() ? { role: row.role } : {}) };
    const result = v.safeParse(Partner, candidate);
    if (result.success) partners.push(result.output);
    else errors.push(...fieldErrorsFromIssues(result.issues, {}).map((e) => ({ ...e, field: `partners-${i}-${e.field}` })));
  });
  if (partners.length > MAX_PARTNERS) errors.push({ field: 'partners-0-name', message: `List at most ${MAX_PARTNERS} partners` });
  return { partners, errors };
}

export function conversationPatchFromForm(template: Pick<TemplateDefinition, 'sections'>, values: ConversationFormValues): { ok: true; body: UpdateAuditBody } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const candidate: Record<string, unknown> = {};

  const date = readDateParts(values.conversationDate, 'The date of the audit conversation');
  if (date.kind === 'invalid') errors.push({ field: 'conversationDate', message: date.message });
  else candidate.conversationDate = date.kind === 'date' ? date.iso : null;

  const from = readDateParts(values.periodFrom, 'The start of the period reviewed');
  const to = readDateParts(values.periodTo, 'The end of the period reviewed');
  if (from.kind === 'invalid') errors.push({ field: 'periodReviewed-from', message: from.message });
  else if (from.kind === 'empty') errors.push({ field: 'periodReviewed-from', message: 'Enter the start of the period reviewed' });
  if (to.kind === 'invalid') errors.push({ field: 'periodReviewed-to', message: to.message });
  else if (to.kind === 'empty') errors.push({ field: 'periodReviewed-to', message: 'Enter the end of the period reviewed' });
  if (from.kind === 'date' && to.kind === 'date') {
    if (from.iso > to.iso) errors.push({ field: 'periodReviewed-from', message: 'The period reviewed must start before it ends' });
    else candidate.periodReviewed = { from: from.iso, to: to.iso };
  }

  candidate.studentId = values.studentId === '' ? null : values.studentId;
  const partners = partnerErrors(values.partners);
  errors.push(...partners.errors);
  candidate.partners = partners.partners;

  if (errors.length > 0) return { ok: false, errors };
  const result = v.safeParse(updateAuditBodyFor(template), candidate);
  if (!result.success) return { ok: false, errors: fieldErrorsFromIssues(result.issues, { studentId: 'Select a student social worker from the list' }) };
  return { ok: true, body: result.output };
}
