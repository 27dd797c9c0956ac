/**
 * The month's picture: for each manager (and anyone else who ran audits that month or has a
 * late one) their sample, their audits of the month planned, in progress and done, and their
 * late audits, of this month or the 12 before; plus every such late audit. A count of late
 * audits is always a count of rows of that late list, so the figures and the table agree.
 * Pure: the route reads, this arranges.
 */
import { daysLate, isLate, monthEnded } from '@waypoint/shared/programme/audit-timeliness';
import { auditDueDate } from '@waypoint/shared/programme/programme-dates';
import type { ProgrammeAudit, ProgrammeCounts, ProgrammeMonth, ProgrammeRow, SampleSummary } from '@waypoint/shared/programme/programme-schemas';
import type { User } from '@waypoint/shared/users/user-schemas';
import type { SlimAudit } from './month-audits.ts';

export function programmeAudit(audit: SlimAudit, today: string): ProgrammeAudit {
  const late = isLate(audit, today);
  return {
    id: audit.id,
    caseRef: audit.caseRef,
    teamId: audit.teamId,
    caseType: audit.caseType,
    month: audit.month,
    state: audit.state,
    auditorId: audit.auditorId,
    ...(audit.caseHolderId ? { caseHolderId: audit.caseHolderId } : {}),
    ...(audit.overallGrade ? { overallGrade: audit.overallGrade } : {}),
    dueDate: auditDueDate(audit.month),
    late,
    daysLate: late ? daysLate(audit.month, today) : 0,
    ...(audit.reauditOf ? { reauditOf: audit.reauditOf } : {}),
    ...(audit.sampledFor ? { sampledFor: audit.sampledFor } : {}),
    ...(audit.meetingDate ? { meetingDate: audit.meetingDate, ...(audit.meetingTime ? { meetingTime: audit.meetingTime } : {}) } : {}),
  };
}

/** The month's audits by state, and the late audits (of this month or the 12 before) among `late`. */
function counts(audits: readonly ProgrammeAudit[], late: readonly ProgrammeAudit[]): ProgrammeCounts {
  return {
    planned: audits.filter((a) => a.state === 'planned').length,
    inProgress: audits.filter((a) => a.state === 'in-progress').length,
    completed: audits.filter((a) => a.state === 'completed').length,
    cancelled: audits.filter((a) => a.state === 'cancelled').length,
    late: late.length,
  };
}

export interface ProgrammeInputs {
  month: string;
  today: string;
  auditsPerManagerPerMonth: number;
  /** The managers whose rows the caller sees even with nothing planned: all of them for QA, themself for a manager. */
  managers: readonly User[];
  /** Everyone else who may appear as an auditor. */
  staff: ReadonlyMap<string, User>;
  samples: readonly SampleSummary[];
  audits: readonly SlimAudit[];
  earlierOutstanding: readonly SlimAudit[];
}

export function programmeMonth(input: ProgrammeInputs): Omit<ProgrammeMonth, 'people'> {
  const audits = input.audits.map((a) => programmeAudit(a, input.today)).sort((a, b) => a.teamId.localeCompare(b.teamId) || a.caseRef.localeCompare(b.caseRef) || a.id.localeCompare(b.id));
  const late = [...audits, ...input.earlierOutstanding.map((a) => programmeAudit(a, input.today))].filter((a) => a.late).sort((a, b) => b.daysLate - a.daysLate || a.caseRef.localeCompare(b.caseRef));
  const managerIds = new Set(input.managers.map((m) => m.id));
  // Everyone with a late audit has a row too, so the rows' late counts add up to the late list.
  const rowIds = [...input.managers.map((m) => m.id), ...[...new Set([...audits, ...late].map((a) => a.auditorId))].filter((id) => !managerIds.has(id)).sort()];
  const rows: ProgrammeRow[] = rowIds.map((userId) => {
    const user = input.staff.get(userId);
    const isManager = user?.role === 'manager';
    return {
      userId,
      role: user?.role ?? null,
      teamIds: user?.teamIds ?? [],
      target: isManager ? input.auditsPerManagerPerMonth : null,
      sample: input.samples.find((s) => s.managerId === userId) ?? null,
      counts: counts(
        audits.filter((a) => a.auditorId === userId),
        late.filter((a) => a.auditorId === userId),
      ),
    };
  });
  return {
    month: input.month,
    dueDate: auditDueDate(input.month),
    today: input.today,
    monthEnded: monthEnded(input.month, input.today),
    auditsPerManagerPerMonth: input.auditsPerManagerPerMonth,
    rows,
    totals: counts(audits, late),
    audits,
    late,
  };
}
