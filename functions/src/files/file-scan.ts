/**
 * The malware check a file passes before anyone may download it. In AWS, GuardDuty Malware
 * Protection for S3 scans each new object and tags it `GuardDutyMalwareScanStatus`; the verdict
 * is read from that tag. On one machine a stand-in behind the same interface finds only the
 * EICAR test file (so the "threat found" path can be tried), and passes everything else.
 */
import type { ObjectStore } from '../storage/object-store.ts';

export type ScanVerdict = 'pending' | 'clean' | 'threat';

export interface FileScan {
  verdict(key: string): Promise<ScanVerdict>;
}

export const GUARDDUTY_TAG = 'GuardDutyMalwareScanStatus';

export function guardDutyTagScan(objects: ObjectStore): FileScan {
  return {
    async verdict(key) {
      const head = await objects.head(key);
      const status = head?.tags[GUARDDUTY_TAG];
      if (status === undefined) return 'pending';
      if (status === 'NO_THREATS_FOUND') return 'clean';
      // THREATS_FOUND, and the statuses for files it could not scan: never offered.
      return 'threat';
    },
  };
}

const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

export function standInScan(objects: ObjectStore): FileScan {
  return {
    async verdict(key) {
      const start = await objects.getBytes(key, { start: 0, end: 255 });
      if (!start) return 'pending';
      return Buffer.from(start).toString('latin1').includes(EICAR) ? 'threat' : 'clean';
    },
  };
}
