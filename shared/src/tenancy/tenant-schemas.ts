/**
 * Authorities (tenants) as the platform operator manages them: what creating one takes, the
 * directory entry that holds its status, and when an authority's service is paused.
 */
import * as v from 'valibot';
import { IsoDate } from '../audits/audit-dates.ts';
import { Text } from '../text/text-schemas.ts';
import { UserFields } from '../users/user-schemas.ts';

/**
 * `active`: in use. `suspended`: paused by the operator (staff and the public are refused
 * until it is resumed). `offboarding`: the authority is leaving; it works as before until its
 * `leavesOn` date and is paused from that day; its data is deleted once the cooling-off period
 * after that day has passed (`DELETION_COOLING_OFF_DAYS`). `deleting`: the offboarding job is
 * deleting its data (no way back); `deleted`: nothing of it is left but its directory entry and
 * the certificate of deletion. Only the first three are the operator's to choose.
 */
export const TENANT_STATUSES = ['active', 'suspended', 'offboarding', 'deleting', 'deleted'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

/** The statuses the operator sets; `deleting` and `deleted` are the offboarding job's. */
export const CHOSEN_TENANT_STATUSES = ['active', 'suspended', 'offboarding'] as const;

export const TENANT_STATUS_LABELS: Record<TenantStatus, string> = {
  active: 'Active',
  suspended: 'Suspended',
  offboarding: 'Leaving',
  deleting: 'Being deleted',
  deleted: 'Deleted',
};

/**
 * Days between an offboarding authority's leaving day and the deletion of its data: time for
 * the authority to take its export and for the operator to cancel a mistake.
 */
export const DELETION_COOLING_OFF_DAYS = 30;

/** The London date (`YYYY-MM-DD`) on which an authority leaving on `leavesOn` is deleted. */
export function deletionDueOn(leavesOn: string): string {
  const day = new Date(`${leavesOn}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + DELETION_COOLING_OFF_DAYS);
  return day.toISOString().slice(0, 10);
}

/** The address of the authority's have-your-say area and its key among authorities. */
export const TenantSlug = v.pipe(v.string('Enter a short address'), v.trim(), v.toLowerCase(), v.regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'Use 2 to 41 lower-case letters, digits or hyphens, starting with a letter or digit, such as northvale'));

export const TenantFields = {
  name: Text({ max: 120, required: 'Enter the authority’s name', tooLong: 'Enter a name of 120 characters or fewer' }),
  slug: TenantSlug,
  region: Text({ max: 80, required: 'Enter the region', tooLong: 'Enter a region of 80 characters or fewer' }),
  adminName: UserFields.name,
  adminEmail: UserFields.email,
  status: v.picklist(CHOSEN_TENANT_STATUSES, 'Choose active, suspended or offboarding'),
  leavesOn: IsoDate,
};

export const CreateTenantBody = v.strictObject({
  name: TenantFields.name,
  slug: TenantFields.slug,
  region: TenantFields.region,
  adminName: TenantFields.adminName,
  adminEmail: TenantFields.adminEmail,
});
export type CreateTenantBody = v.InferOutput<typeof CreateTenantBody>;

/** Suspend (`suspended`), resume (`active`) or start offboarding (`offboarding` with the day it leaves). */
export const ChangeTenantStatusBody = v.pipe(
  v.strictObject({ status: TenantFields.status, leavesOn: v.optional(TenantFields.leavesOn) }),
  v.forward(
    v.check((body) => (body.status === 'offboarding') === (body.leavesOn !== undefined), 'Give the day it leaves when, and only when, starting offboarding'),
    ['leavesOn'],
  ),
);
export type ChangeTenantStatusBody = v.InferOutput<typeof ChangeTenantStatusBody>;

/** The platform directory's entry for an authority: the one place its status is kept. */
export interface TenantEntry {
  id: string;
  slug: string;
  name: string;
  region?: string;
  status: TenantStatus;
  /** The day an authority that is offboarding leaves: paused from then on. */
  leavesOn?: string;
  /** When the offboarding job began deleting the authority's data, and when it finished. */
  deletionStartedAt?: string;
  deletedAt?: string;
  createdAt: string;
  updatedAt?: string;
  version: number;
}

/** Whether the authority's service is paused on `today` (a London date): suspended, or past its leaving day. */
export function isServicePaused(entry: Pick<TenantEntry, 'status' | 'leavesOn'>, today: string): boolean {
  if (entry.status === 'suspended' || entry.status === 'deleting' || entry.status === 'deleted') return true;
  return entry.status === 'offboarding' && entry.leavesOn !== undefined && entry.leavesOn <= today;
}

/** What the operator sees of an authority's size: counts only, never what they count. */
export interface TenantSize {
  users: number;
  cases: number;
  auditsThisYear: number;
  responses: number;
}

/** The actions the platform activity log records. */
export const PLATFORM_ACTIONS = ['created', 'suspended', 'resumed', 'offboarding-started', 'export-requested', 'deletion-started', 'deleted'] as const;
export type PlatformAction = (typeof PLATFORM_ACTIONS)[number];

/** The action a status change is, seen from the status it leaves. */
export function statusAction(to: (typeof CHOSEN_TENANT_STATUSES)[number]): PlatformAction {
  if (to === 'suspended') return 'suspended';
  if (to === 'offboarding') return 'offboarding-started';
  return 'resumed';
}
