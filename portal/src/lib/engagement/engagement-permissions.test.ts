import { describe, expect, it } from 'vitest';
import { canEditActivities, canHandleAlerts, canIssueCodes, canIssueSharedCodes, canReadEngagement } from './engagement-permissions.ts';

describe('engagement permissions, as the API enforces them', () => {
  it('lets practitioners read activities and issue single-use codes only', () => {
    expect(canReadEngagement('practitioner')).toBe(true);
    expect(canIssueCodes('practitioner')).toBe(true);
    expect(canIssueSharedCodes('practitioner')).toBe(false);
    expect(canEditActivities('practitioner')).toBe(false);
    expect(canHandleAlerts('practitioner')).toBe(false);
  });

  it('lets managers, QA officers and senior managers run activities and handle alerts', () => {
    for (const role of ['manager', 'qa', 'senior'] as const) {
      expect(canEditActivities(role)).toBe(true);
      expect(canIssueSharedCodes(role)).toBe(true);
      expect(canHandleAlerts(role)).toBe(true);
    }
  });

  it('gives tenant admins, students and the operator nothing', () => {
    for (const role of ['admin', 'student', 'operator'] as const) {
      expect(canReadEngagement(role)).toBe(false);
      expect(canIssueCodes(role)).toBe(false);
      expect(canHandleAlerts(role)).toBe(false);
    }
  });
});
