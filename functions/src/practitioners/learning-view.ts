/**
 * A person's learning record: the audits of their practice (and those they joined as a
 * student) from their participant entries, their own reflections on them, the actions they
 * own, and the sections those point to most often.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Reflection } from '@waypoint/shared/audits/reflection-schemas';
import { gradesByMonth } from '@waypoint/shared/dashboards/learning-grades';
import type { LearningAudit, LearningTheme, PractitionerLearning } from '@waypoint/shared/dashboards/learning-schemas';
import { gradeCounts } from '@waypoint/shared/dashboards/service-figures';
import type { GradeCounts, SectionGrades } from '@waypoint/shared/dashboards/service-view-schemas';
import { GRADES, belowGoodCount, isBelowGood, type Grade } from '@waypoint/shared/templates/grade-scale';
import type { User } from '@waypoint/shared/users/user-schemas';
import { OPEN_ACTION_STATES } from '@waypoint/shared/actions/action-schemas';
import { viewOf } from '../actions/action-scope.ts';
import { listActionsOwnedBy } from '../actions/action-store.ts';
import { today } from '../audits/audit-checks.ts';
import { getAudits, type Participant } from '../audits/audit-store.ts';
import { overallGradeSections, sectionTitles } from '../dashboards/section-titles.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { withoutKeys } from '../platform/database/versioned-items.ts';
import { getUserNames } from '../users/user-store.ts';

/**
 * The most recent hundred audits a person took part in: years of monthly audits. The grades
 * month by month are worked out from these same items (one Query of their index entries, one
 * BatchGet of the audits), so they add no reads and never touch the rest of the tenant's history.
 */
const AUDIT_LIMIT = 100;
/** Reflection reads at once, so a long record does not flood the table. */
const PARALLEL_READS = 8;

async function participation(tenant: TenantContext, userId: string): Promise<Participant[]> {
  const key = tenant.keys.auditsByPerson(userId);
  const result = await tenant.db.send(new QueryCommand({ TableName: tenant.tableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': key.GSI1PK }, ScanIndexForward: false, Limit: AUDIT_LIMIT }));
  return (result.Items ?? []).map((item) => withoutKeys<Participant>(item));
}

async function ownReflections(tenant: TenantContext, auditIds: readonly string[], userId: string): Promise<Reflection[]> {
  const found: Reflection[] = [];
  for (let i = 0; i < auditIds.length; i += PARALLEL_READS) {
    const pages = await Promise.all(
      auditIds.slice(i, i + PARALLEL_READS).map((auditId) =>
        tenant.db.send(
          new QueryCommand({
            TableName: tenant.tableName,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
            FilterExpression: 'authorId = :me',
            ExpressionAttributeValues: { ':pk': tenant.keys.auditPartition(auditId), ':prefix': 'REFLECTION#', ':me': userId },
          }),
        ),
      ),
    );
    for (const page of pages) found.push(...(page.Items ?? []).map((item) => withoutKeys<Reflection>(item)));
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function learningOf(tenant: TenantContext, person: User): Promise<PractitionerLearning> {
  const on = today();
  const entries = (await participation(tenant, person.id)).filter((p) => p.roles.includes('case-holder') || p.roles.includes('student'));
  const [audits, owned, titles, overallSections] = await Promise.all([
    getAudits(
      tenant,
      entries.map((p) => p.auditId),
    ),
    listActionsOwnedBy(tenant, person.id),
    sectionTitles(tenant),
    overallGradeSections(tenant),
  ]);
  // Which of the templates' overall-grade sections each audit answered: where its overall grade belongs.
  const overallSectionOf = new Map(audits.map((a) => [a.id, overallSections.find((id) => a.answers?.[id] !== undefined)]));
  const learningAudits: LearningAudit[] = audits
    .filter((a) => a.state !== 'cancelled')
    .map((a) => ({
      id: a.id,
      caseRef: a.caseRef,
      month: a.month,
      state: a.state,
      templateName: a.templateName,
      role: a.caseHolderId === person.id ? 'case-holder' : 'student',
      ...(a.overallGrade ? { overallGrade: a.overallGrade } : {}),
      sectionGrades: a.sectionGrades,
      ...(a.completedAt ? { completedAt: a.completedAt } : {}),
    }));
  const practice = learningAudits.filter((a) => a.role === 'case-holder' && a.state === 'completed');
  const overall = Object.fromEntries(GRADES.map((g) => [g, practice.filter((a) => a.overallGrade === g).length])) as GradeCounts;
  const bySection = new Map<string, Record<Grade, number>>();
  for (const audit of practice) {
    for (const [sectionId, grade] of Object.entries(audit.sectionGrades)) {
      const counts = bySection.get(sectionId) ?? (Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>);
      counts[grade]++;
      bySection.set(sectionId, counts);
    }
  }
  const sections: SectionGrades[] = [...bySection].map(([sectionId, grades]) => ({ sectionId, title: titles[sectionId] ?? sectionId, grades: gradeCounts(grades, (g) => g), belowGood: belowGoodCount(grades) }));
  const actionsBySection = new Map<string, number>();
  for (const { source } of owned) if (source.type === 'audit') actionsBySection.set(source.sectionId, (actionsBySection.get(source.sectionId) ?? 0) + 1);
  // The section holding an audit's overall grade has no section grade of its own: there, "below good" counts the
  // overall grades below good, so the themes agree with the grades table's overall row.
  const overallBelow = new Map<string, number>();
  for (const audit of practice) {
    const sectionId = overallSectionOf.get(audit.id);
    if (sectionId && isBelowGood(audit.overallGrade)) overallBelow.set(sectionId, (overallBelow.get(sectionId) ?? 0) + 1);
  }
  const belowGoodIn = (sectionId: string) => (sections.find((s) => s.sectionId === sectionId)?.belowGood ?? 0) + (overallBelow.get(sectionId) ?? 0);
  const themes: LearningTheme[] = [...new Set([...bySection.keys(), ...actionsBySection.keys(), ...overallBelow.keys()])]
    .map((sectionId) => ({ sectionId, title: titles[sectionId] ?? sectionId, belowGood: belowGoodIn(sectionId), actions: actionsBySection.get(sectionId) ?? 0 }))
    .filter((t) => t.belowGood + t.actions > 0)
    .sort((a, b) => b.belowGood + b.actions - (a.belowGood + a.actions) || a.title.localeCompare(b.title));
  const open = owned.filter((a) => OPEN_ACTION_STATES.includes(a.state));
  const closed = owned.filter((a) => !OPEN_ACTION_STATES.includes(a.state)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const reflections = await ownReflections(
    tenant,
    learningAudits.map((a) => a.id),
    person.id,
  );
  const people = await getUserNames(tenant, [person.id, ...owned.map((a) => a.raisedById)]);
  return {
    practitioner: { id: person.id, name: person.name, role: person.role, teamIds: person.teamIds },
    audits: learningAudits.sort((a, b) => b.month.localeCompare(a.month) || b.id.localeCompare(a.id)),
    grades: { overall, sections },
    gradesByMonth: gradesByMonth(
      learningAudits.map((a) => ({ ...a, overallGradeSection: overallSectionOf.get(a.id) })),
      on,
      titles,
    ),
    reflections,
    actions: [...open, ...closed].map((a) => viewOf(a, on)),
    learningThemes: themes,
    people: Object.fromEntries(people),
    today: on,
  };
}
