/** The monthly audit programme: each manager's sample, a month to a partition. */
import { safe, type Key } from './key-parts.ts';

/** Keys under one tenant's root (`TENANT#<uuid>`); `tenantKeys` gathers them. */
export function programmeKeys(root: string) {
  return {
    /** The monthly programme: one partition per month holding each manager's sample, so the month is one Query. */
    sample: (month: string, managerId: string): Key => ({ PK: `${root}#PROGRAMME#${safe(month, 'month')}`, SK: `SAMPLE#${safe(managerId, 'user id')}` }),
    samplesOfMonth: (month: string): Key => ({ PK: `${root}#PROGRAMME#${safe(month, 'month')}`, SK: 'SAMPLE#' }),
  };
}
