/**
 * The cohort forms as the API's bodies: the criteria form (ticked boxes, dates, numbers) and
 * the hand-picked list, one case a line as "reference: reason". Pure, so it is tested
 * without a browser; the API checks the same body again.
 */
import type { DateParts } from '../audits/date-parts.ts';
import { readDateParts } from '../audits/date-parts.ts';
import type { FieldError } from '../forms/form-errors.ts';

export interface CriteriaValues {
  caseTypes: string[];
  teamIds: string[];
  ageBands: string[];
  genders: string[];
  ethnicities: string[];
  disabilities: string[];
  includeClosed: boolean;
  openFrom: DateParts;
  openTo: DateParts;
  eventType: string;
  atLeast: string;
  withinMonths: string;
  size: string;
  quotas: Record<string, string>;
}

export type Parsed = { ok: true; body: Record<string, unknown> } | { ok: false; errors: FieldError[] };

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);

export function criteriaBody(values: CriteriaValues): Parsed {
  const errors: FieldError[] = [];
  const criteria: Record<string, unknown> = {};
  for (const key of ['caseTypes', 'teamIds', 'ageBands', 'genders', 'ethnicities', 'disabilities'] as const) if (values[key].length) criteria[key] = values[key];
  if (values.includeClosed) criteria.includeClosed = true;
  for (const [key, label] of [
    ['openFrom', 'The start of the range'],
    ['openTo', 'The end of the range'],
  ] as const) {
    const read = readDateParts(values[key], label);
    if (read.kind === 'invalid') errors.push({ field: key, message: read.message });
    if (read.kind === 'date') criteria[key] = read.iso;
  }
  if (values.eventType) {
    const atLeast = whole(values.atLeast);
    const withinMonths = whole(values.withinMonths);
    if (atLeast === undefined || atLeast < 1) errors.push({ field: 'atLeast', message: 'Enter how many times, as a whole number' });
    if (withinMonths === undefined || withinMonths < 1) errors.push({ field: 'withinMonths', message: 'Enter within how many months, as a whole number' });
    if (atLeast && withinMonths) criteria.journeyEvent = { type: values.eventType, atLeast, withinMonths };
  }
  const size = whole(values.size);
  if (size === undefined || size < 1) errors.push({ field: 'size', message: 'Enter how many cases to draw, as a whole number' });
  const quotas = Object.entries(values.quotas).flatMap(([teamId, text]) => {
    if (text.trim() === '') return [];
    const count = whole(text);
    if (count === undefined || count < 1) {
      errors.push({ field: `quota-${teamId}`, message: 'Enter a team’s quota as a whole number, or leave it empty' });
      return [];
    }
    return [{ teamId, count }];
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, body: { method: 'criteria', criteria, size, ...(quotas.length ? { quotas } : {}) } };
}

/** "NV-00012: reason" a line; a line without a reason is a problem to fix, not a guess. */
export function handPickedBody(text: string): Parsed {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return { ok: false, errors: [{ field: 'cases', message: 'List at least one case, with why it is in the review' }] };
  const cases: { caseRef: string; reason: string }[] = [];
  const errors: FieldError[] = [];
  lines.forEach((line, i) => {
    const match = /^([A-Za-z0-9-]+)\s*:\s*(.+)$/.exec(line);
    if (!match) errors.push({ field: 'cases', message: `Line ${i + 1}: write the case reference, a colon, then why it is in the review` });
    else cases.push({ caseRef: match[1]!, reason: match[2]!.trim() });
  });
  return errors.length ? { ok: false, errors } : { ok: true, body: { method: 'hand', cases } };
}
