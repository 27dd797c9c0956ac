/**
 * Writes a bench authority through the data layer with BatchWrite: its staff, cases, audits,
 * moderations and actions with their index entries and their copies beside their audits, the
 * open-actions list, feedback responses tagged with the authority's themes (so the totals items
 * carry theme counters as a real authority's would), and the monthly totals and source markers
 * exactly as the reconcile job would leave them (computed with the same contribution
 * functions), rather than replaying thousands of API calls.
 */
import { BatchWriteCommand, PutCommand, type BatchWriteCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { OPEN_ACTION_STATES } from '@waypoint/shared/actions/action-schemas';
import { actionContribution, auditContribution, moderationContribution } from '@waypoint/shared/dashboards/totals-contributions';
import { sumContributions } from '@waypoint/shared/dashboards/totals-rollups';
import { defaultSettings } from '@waypoint/shared/settings/settings-schemas';
import { actionIndexAttributes } from '@waypoint/functions/actions/action-store';
import { caseIndexAttributes } from '@waypoint/functions/cases/case-store';
import { accountItem } from '@waypoint/functions/local/identity/account-store';
import { hashPassword } from '@waypoint/functions/local/identity/passwords';
import { tenantContext } from '@waypoint/functions/platform/auth/caller';
import { ensureBuiltInTemplates } from '@waypoint/functions/templates/built-in-templates';
import { openActionEntry } from '@waypoint/functions/totals/open-actions';
import { putThemes } from '@waypoint/functions/engagement/results/results-store';
import { feedbackChange } from '@waypoint/functions/totals/feedback-totals';
import { reconciledMarker, type SourceChange } from '@waypoint/functions/totals/totals-ledger';
import { totalsItem } from '@waypoint/functions/totals/totals-store';
import { complianceChange } from '@waypoint/functions/totals/compliance-totals';
import { COMPLIANCE_ITEMS, type ComplianceAnswer, type ComplianceItem } from '@waypoint/shared/compliance/compliance-checklist';
import { complianceCheckId, type ComplianceCheck } from '@waypoint/shared/compliance/compliance-schemas';
import { BENCH_TEAMS, type BenchHistory } from './bench-history.ts';

export interface BenchTenant {
  id: string;
  slug: string;
  name: string;
  prefix: string;
}

const IN_FLIGHT = 4;

/** Twelve themes of the length authorities use; every tenth audit's month gets a tagged response with one to three of them. */
const BENCH_THEMES = [
  'Being listened to',
  'Seeing the same worker',
  'Waiting for a call back',
  'Knowing the plan',
  'Feeling safe at home',
  'Family time',
  'School and learning',
  'Help with money',
  'Getting in touch',
  'Meetings',
  'Moving placement',
  'Being treated with respect',
];
const FEEDBACK_FORM = 'feedback-ages-11-18';

/** One activity per team and case type, and a tagged response for every tenth audit, sent in its month. */
function benchFeedback(history: BenchHistory, p: string, at: string) {
  const activities = BENCH_TEAMS.flatMap((t) => t.caseTypes.map((caseType) => ({ id: `${p}-engage-${t.id}-${caseType}`, teamId: t.id, caseType })));
  const responses = history.audits
    .filter((_, n) => n % 10 === 0)
    .map((a, n) => {
      const activity = activities.find((x) => x.teamId === a.teamId && x.caseType === a.caseType)!;
      const sentAt = `${a.month}-15T12:00:00.000Z` < at ? `${a.month}-15T12:00:00.000Z` : at;
      const themes = [...new Set([BENCH_THEMES[n % 12]!, BENCH_THEMES[(n * 5) % 12]!, BENCH_THEMES[(n * 7) % 12]!].slice(0, 1 + (n % 3)))];
      return {
        id: `${p.toUpperCase()}R${n}`,
        activityId: activity.id,
        templateId: FEEDBACK_FORM,
        templateVersion: 1,
        language: 'en',
        answers: {},
        state: 'submitted' as const,
        startedAt: sentAt,
        updatedAt: sentAt,
        submittedAt: sentAt,
        safety: { flagged: false, reasons: [] },
        themes,
        themesVersion: 1,
      };
    });
  return { activities, responses };
}

async function writeAll(db: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending: unknown[] | undefined = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
      while (pending?.length) {
        const result: BatchWriteCommandOutput = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
        pending = result.UnprocessedItems?.[tableName];
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

/** Records compliance checks: five cases of every team each month of the history, mostly "yes". */
export function benchComplianceChecks(history: BenchHistory, p: string, at: string): ComplianceCheck[] {
  const months = [...new Set(history.audits.map((a) => a.month))].sort();
  const checks: ComplianceCheck[] = [];
  for (const [m, month] of months.entries()) {
    for (const team of BENCH_TEAMS) {
      const cases = history.cases.filter((c) => c.teamId === team.id);
      for (let n = 0; n < 5; n++) {
        const c = cases[(m * 5 + n) % cases.length]!;
        const answers = Object.fromEntries(COMPLIANCE_ITEMS.map((item, i) => [item, item === 'closure-summary' ? 'na' : (m + n + i) % 9 === 0 ? 'no' : 'yes'])) as Record<ComplianceItem, ComplianceAnswer>;
        checks.push({ id: complianceCheckId(month, c.ref), month, caseRef: c.ref, teamId: c.teamId, caseType: c.caseType, ...(c.holderId ? { holderId: c.holderId } : {}), answers, notes: {}, checkedById: `${p}-qa`, version: 1, createdAt: at, updatedAt: at });
      }
    }
  }
  return checks;
}

/** Writes the authority; returns the QA officer's email and how many items were written. */
export async function seedBenchTenant(options: { db: DynamoDBDocumentClient; tableName: string; tenant: BenchTenant; history: BenchHistory; password: string; at: string }): Promise<{ qaEmail: string; items: number }> {
  const { db, tableName, tenant, history, at } = options;
  const context = tenantContext({ tenantId: tenant.id, db, tableName, portalUrl: 'http://localhost:5173' });
  const k = context.keys;
  const p = tenant.prefix.toLowerCase();
  const qaEmail = `qa@${tenant.slug}.example`;
  await db.send(new PutCommand({ TableName: tableName, Item: { ...accountItem({ email: qaEmail, userId: `${p}-qa`, tenantId: tenant.id, role: 'qa', name: 'Bench QA', passwordHash: await hashPassword(options.password) }) } }));
  await ensureBuiltInTemplates(context, at);
  const versioned = { version: 1, createdAt: at, updatedAt: at };
  const staff = [
    { id: `${p}-qa`, name: 'Bench QA', email: qaEmail, role: 'qa', teamIds: [] },
    ...BENCH_TEAMS.map((t) => ({ id: `${p}-manager-${t.id}`, name: `Manager of ${t.id}`, email: `manager.${t.id}@${tenant.slug}.example`, role: 'manager', teamIds: [t.id] })),
    ...Array.from({ length: 40 }, (_, n) => ({ id: `${p}-sw-${n}`, name: `Social worker ${n}`, email: `sw${n}@${tenant.slug}.example`, role: 'practitioner', teamIds: [BENCH_TEAMS[n % BENCH_TEAMS.length]!.id] })),
  ];
  const caseByRef = new Map(history.cases.map((c) => [c.ref, c]));
  const auditById = new Map(history.audits.map((a) => [a.id, a]));
  const feedback = benchFeedback(history, p, at);
  const placementOf = new Map(feedback.activities.map((a) => [a.id, { teamId: a.teamId, caseType: a.caseType }]));
  const checks = benchComplianceChecks(history, p, at);
  const changes: SourceChange[] = [
    ...history.audits.map((a): SourceChange => ({ kind: 'audit', id: a.id, version: a.version, contribution: auditContribution(a, caseByRef.get(a.caseRef)) })),
    ...history.moderations.map((m): SourceChange => ({ kind: 'moderation', id: m.auditId, version: m.version, contribution: moderationContribution(m, auditById.get(m.auditId)!.caseType) })),
    ...history.actions.map((x): SourceChange => ({ kind: 'action', id: x.id, version: x.version, contribution: actionContribution(x, x.caseType!) })),
    ...feedback.responses.map((r) => feedbackChange(r.activityId, r, placementOf.get(r.activityId)!)),
    ...checks.map(complianceChange),
  ];
  const items: Record<string, unknown>[] = [
    { ...k.profile(), id: tenant.id, slug: tenant.slug, name: tenant.name, status: 'active', createdAt: at },
    { ...k.settings(), ...defaultSettings(tenant.name), ...versioned },
    ...BENCH_TEAMS.map((t) => ({ ...k.team(t.id), id: t.id, name: t.id, ...versioned })),
    ...staff.map((u) => ({ ...k.user(u.id), ...u, active: true, ...versioned })),
    ...history.cases.map((c) => ({ ...k.case(c.ref), ...c, ...Object.fromEntries(Object.entries(caseIndexAttributes(context, c)).filter(([, v]) => v !== null)) })),
    ...history.audits.flatMap((a) => [{ ...k.audit(a.id), ...a, ...k.auditIndexEntries(a) }, { ...k.auditActionsCopied(a.id) }]),
    ...history.moderations.map((m) => ({ ...k.moderation(m.auditId), ...m, ...k.moderationIndexEntries(m) })),
    ...history.actions.map((x) => ({ ...k.action(x.id), ...x, ...actionIndexAttributes(context, x) })),
    ...history.actions.flatMap((x) => (x.source.type === 'audit' ? [{ ...x, ...k.auditAction(x.source.auditId, x.id) }] : [])),
    ...feedback.activities.map((a) => ({
      ...k.engagementActivity(a.id),
      ...k.engagementActivityIndexEntries({ id: a.id, opensOn: `${history.audits[0]!.month}-01` }),
      ...a,
      type: 'survey',
      title: `Have your say: ${a.teamId}, ${a.caseType}`,
      audience: 'ages-11-18',
      templateId: FEEDBACK_FORM,
      templateVersion: 1,
      formName: 'Have your say (ages 11 to 18)',
      opensOn: `${history.audits[0]!.month}-01`,
      publicLink: false,
      createdBy: `${p}-qa`,
      ...versioned,
    })),
    ...feedback.responses.map((r) => ({ ...k.feedbackResponse(r.activityId, r.id), ...r })),
    ...checks.map((check) => ({ ...k.complianceCheck(check.month, check.caseRef), ...check })),
    ...history.actions.filter((x) => OPEN_ACTION_STATES.includes(x.state)).map((x) => ({ ...k.openAction(x.dueDate, x.id), ...openActionEntry(x) })),
    ...sumContributions(changes.flatMap((c) => c.contribution)).map((row) => totalsItem(context, row)),
    ...changes.map((change) => ({ ...reconciledMarker(change, 1), ...k.totalsMarker(change) })),
  ];
  await writeAll(db, tableName, items);
  await putThemes(context, BENCH_THEMES, 0);
  return { qaEmail, items: items.length };
}
