/**
 * Turning an export's cell into one of Waypoint's values, with a plain-words reason when it
 * cannot be: dates as the systems write them, case types by their usual names and codes,
 * demographics by the codes children's social care returns use.
 */
import { AGE_BANDS, CASE_TYPES, type CaseType } from '../cases/case-schemas.ts';
import type { Disability, EthnicityCategory, Gender } from '../demographics/demographic-values.ts';
import { STAFF_ROLES, type StaffRole } from '../tenancy/roles.ts';
import { JOURNEY_EVENT_TYPES, type JourneyEventType } from '../journey/journey-events.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const wrong = <T>(message: string): Parsed<T> => ({ ok: false, message });

const plain = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A civil date (`YYYY-MM-DD`) from `2025-03-04`, `04/03/2025` (day first, as in England),
 * `4 Mar 2025`, a date with a time after it, or a date an XLSX file typed as a date. Never in
 * the future (`today`) and not before 1900.
 */
export function parseImportDate(cell: string | Date, today: string): Parsed<string> {
  let y: number, m: number, d: number;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return wrong('This is not a date.');
    [y, m, d] = [cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()];
  } else {
    const text = cell.trim();
    let match: RegExpExecArray | null;
    if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})([T ][\d:.]+Z?)?$/.exec(text))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})( [\d:.]+)?$/.exec(text))) [y, m, d] = [Number(match[3]), Number(match[2]), Number(match[1])];
    else if ((match = /^(\d{1,2})[\s-]([A-Za-z]{3,9})[\s-](\d{4})$/.exec(text)) && MONTHS.includes(match[2]!.slice(0, 3).toLowerCase())) {
      [y, m, d] = [Number(match[3]), MONTHS.indexOf(match[2]!.slice(0, 3).toLowerCase()) + 1, Number(match[1])];
    } else return wrong(`“${shorten(text)}” is not a date Waypoint can read: write it like 31/03/2025 or 2025-03-31.`);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (m < 1 || m > 12 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return wrong(`${d}/${m}/${y} is not a real date.`);
  if (y < 1900) return wrong(`${iso} is too long ago to be right.`);
  if (iso > today) return wrong(`${iso} is in the future.`);
  return ok(iso);
}

const CASE_TYPE_NAMES: Record<string, CaseType> = {
  'early help': 'early-help',
  eh: 'early-help',
  ehm: 'early-help',
  'family help': 'early-help',
  'child in need': 'child-in-need',
  cin: 'child-in-need',
  'cin plan': 'child-in-need',
  'children in need': 'child-in-need',
  'child protection': 'child-protection',
  cp: 'child-protection',
  cpp: 'child-protection',
  'child protection plan': 'child-protection',
  'child looked after': 'child-looked-after',
  'children looked after': 'child-looked-after',
  'looked after': 'child-looked-after',
  'looked after child': 'child-looked-after',
  cla: 'child-looked-after',
  lac: 'child-looked-after',
  'in care': 'child-looked-after',
  'care leaver': 'care-leaver',
  'care leavers': 'care-leaver',
  'leaving care': 'care-leaver',
  cl: 'care-leaver',
};

export function parseCaseType(cell: string): Parsed<CaseType> {
  const key = plain(cell);
  const found = CASE_TYPE_NAMES[key] ?? CASE_TYPES.find((t) => plain(t) === key);
  return found ? ok(found) : wrong(`“${shorten(cell)}” is not a case type Waypoint knows: use Early Help, Child in Need, Child Protection, Child Looked After or Care Leaver.`);
}

export function parseCaseStatus(cell: string): Parsed<'open' | 'closed'> {
  const key = plain(cell);
  if (['open', 'active', 'current', 'allocated', 'y', 'yes'].includes(key)) return ok('open');
  if (['closed', 'close', 'ended', 'inactive', 'n', 'no'].includes(key)) return ok('closed');
  return wrong(`“${shorten(cell)}” is not open or closed.`);
}

export function parseAgeBand(cell: string): Parsed<string> {
  const key = cell.trim().replace(/\s+/g, '').replace(/[–—]/g, '-');
  return (AGE_BANDS as readonly string[]).includes(key) ? ok(key) : wrong(`“${shorten(cell)}” is not an age band: use 0-4, 5-9, 10-15, 16-17 or 18-25.`);
}

export function parseGender(cell: string): Parsed<Gender | undefined> {
  const key = plain(cell);
  if (['f', 'female', 'girl', '2'].includes(key)) return ok('female');
  if (['m', 'male', 'boy', '1'].includes(key)) return ok('male');
  if (['other', 'non binary', 'nonbinary', 'another', '9'].includes(key)) return ok('other');
  if (['unknown', 'not known', 'not stated', 'u', '0', 'prefer not to say'].includes(key)) return ok(undefined);
  return wrong(`“${shorten(cell)}” is not female, male or other.`);
}

/** Census groups, or the four-letter codes of the children in need and looked-after returns (WBRI, MWBC, APKN, BAFR, CHNE…). */
export function parseEthnicity(cell: string): Parsed<EthnicityCategory | undefined> {
  const key = plain(cell);
  const code = cell.trim().toUpperCase();
  if (['REFU', 'NOBT', 'NOT KNOWN', 'UNKNOWN'].includes(code) || ['refused', 'not obtained', 'not known', 'unknown', 'not stated'].includes(key)) return ok(undefined);
  if (/^[A-Z]{4}$/.test(code)) {
    const byLetter: Record<string, EthnicityCategory> = { W: 'white', M: 'mixed', A: 'asian', B: 'black', C: 'other', O: 'other' };
    const found = byLetter[code[0]!];
    if (found) return ok(found);
  }
  for (const [word, group] of [
    ['white', 'white'],
    ['mixed', 'mixed'],
    ['asian', 'asian'],
    ['black', 'black'],
    ['other', 'other'],
  ] as const) {
    if (key === word || key.startsWith(`${word} `)) return ok(group);
  }
  return wrong(`“${shorten(cell)}” is not an ethnic group Waypoint knows: use White, Mixed, Asian, Black or Other, or the return’s four-letter code.`);
}

export function parseDisability(cell: string): Parsed<Disability | undefined> {
  const key = plain(cell);
  if (['y', 'yes', 'true', '1', 'disabled'].includes(key)) return ok('yes');
  if (['n', 'no', 'false', '0', 'none'].includes(key)) return ok('no');
  if (['unknown', 'not known', 'not recorded'].includes(key)) return ok(undefined);
  return wrong(`“${shorten(cell)}” is not yes or no.`);
}

const ROLE_NAMES: Record<string, StaffRole> = {
  'social worker': 'practitioner',
  practitioner: 'practitioner',
  'senior practitioner': 'practitioner',
  'family support worker': 'practitioner',
  'team manager': 'manager',
  manager: 'manager',
  'practice manager': 'manager',
  'qa officer': 'qa',
  'quality assurance officer': 'qa',
  'quality assurance': 'qa',
  qa: 'qa',
  'senior manager': 'senior',
  'head of service': 'senior',
  'service manager': 'senior',
  senior: 'senior',
  student: 'student',
  'student social worker': 'student',
  admin: 'admin',
  'tenant admin': 'admin',
  administrator: 'admin',
};

export function parseRole(cell: string): Parsed<StaffRole> {
  const key = plain(cell);
  const found = ROLE_NAMES[key] ?? STAFF_ROLES.find((r) => r === key);
  return found ? ok(found) : wrong(`“${shorten(cell)}” is not a role Waypoint knows: use practitioner, team manager, QA officer, senior manager, student or admin.`);
}

/** Quoted back in a message, a cell is cut short so a message stays readable. */
export function shorten(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 37)}…` : trimmed;
}

const JOURNEY_EVENT_NAMES: Record<string, JourneyEventType> = {
  contact: 'contact',
  referral: 'referral',
  'assessment start': 'assessment-started',
  'assessment started': 'assessment-started',
  'assessment begun': 'assessment-started',
  'single assessment start': 'assessment-started',
  'c&f assessment start': 'assessment-started',
  'assessment end': 'assessment-completed',
  'assessment completed': 'assessment-completed',
  'assessment complete': 'assessment-completed',
  'single assessment end': 'assessment-completed',
  'c&f assessment end': 'assessment-completed',
  'strategy discussion': 'strategy-discussion',
  'strategy meeting': 'strategy-discussion',
  strategy: 'strategy-discussion',
  s47: 'section-47-enquiry',
  'section 47': 'section-47-enquiry',
  'section 47 enquiry': 'section-47-enquiry',
  icpc: 'initial-cp-conference',
  'initial child protection conference': 'initial-cp-conference',
  'initial cp conference': 'initial-cp-conference',
  rcpc: 'review-cp-conference',
  'review child protection conference': 'review-cp-conference',
  'review cp conference': 'review-cp-conference',
  'cp review': 'review-cp-conference',
  'cla start': 'became-looked-after',
  'lac start': 'became-looked-after',
  'became looked after': 'became-looked-after',
  'started to be looked after': 'became-looked-after',
  'cla review': 'looked-after-review',
  'lac review': 'looked-after-review',
  'looked after review': 'looked-after-review',
  'child looked after review': 'looked-after-review',
  plan: 'plan',
  'plan agreed': 'plan',
  visit: 'visit',
  'home visit': 'visit',
  'statutory visit': 'visit',
  'cp visit': 'visit',
  'cla visit': 'visit',
  'step down': 'step-down',
  'stepped down': 'step-down',
  closure: 'closure',
  'case closed': 'closure',
  closed: 'closure',
};

export function parseJourneyEvent(cell: string): Parsed<JourneyEventType> {
  const key = plain(cell);
  const found = JOURNEY_EVENT_NAMES[key] ?? JOURNEY_EVENT_TYPES.find((t) => plain(t) === key);
  if (found) return ok(found);
  if (key === 'review') return wrong('“Review” could be a child protection review or a looked-after review: say which (RCPC or CLA review).');
  return wrong(`“${shorten(cell)}” is not a journey event Waypoint knows: use referral, assessment start or end, strategy discussion, ICPC, RCPC, CLA start, CLA review, visit, plan, step down or closure.`);
}
