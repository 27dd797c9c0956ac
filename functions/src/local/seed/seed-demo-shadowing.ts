/**
 * Demo work shadowing, relative to today so every screen shows something at once: visits
 * with both sides' feedback (revealed), one with only one side's (withheld from the other),
 * a request waiting for `practitioner@`, a declined one, and an action raised from a theme.
 * Ids are fixed; each item is written only if absent.
 */
import type { Action } from '@waypoint/shared/actions/action-schemas';
import { SHADOWING_OBSERVATION_TEMPLATE_ID, type Shadowing, type ShadowingObservation } from '@waypoint/shared/shadowing/shadowing-schemas';
import { addDays, londonDate } from '@waypoint/shared/time/calendar-dates';
import { clock } from '@waypoint/shared/time/clock';
import { putNewAction } from '../../actions/action-store.ts';
import type { TenantContext } from '../../platform/auth/caller.ts';
import { ApiError } from '../../platform/http/api-error.ts';
import { putNewShadowing, putShadowingActionPointer } from '../../shadowing/shadowing-store.ts';
import type { DemoTenant } from './demo-data.ts';

const at = (date: string, hour = 10) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;

function observation(date: string, tags: ShadowingObservation['tags'], childHeard: string): ShadowingObservation {
  return {
    answers: {
      strengths: { strengths: 'Calm, warm and clear with the family; explained what would happen next in words everyone understood.' },
      learning: { learning: 'Much of the visit was spent re-entering information the system already holds.', whatWouldHelp: 'Time back from duplicated recording; a quieter room for the call-backs.' },
      child: { childExperience: 'The child showed their drawings and said what they wanted at school; they seemed at ease.', childHeard },
    },
    tags,
    recordedAt: at(date, 15),
  };
}

export function demoShadowing(tenant: DemoTenant, today: string): Shadowing[] {
  const p = tenant.prefix.toLowerCase();
  const base = (n: number, shadowerId: string, practitionerId: string, teamId: string, work: Shadowing['work'], date: string, description: string): Shadowing => ({
    id: `${p}-shadowing-${n}`,
    shadowerId,
    practitionerId,
    teamId,
    work,
    date,
    description,
    templateId: SHADOWING_OBSERVATION_TEMPLATE_ID,
    templateVersion: 1,
    state: 'agreed',
    answeredAt: at(addDays(date, -6)),
    version: 1,
    createdAt: at(addDays(date, -7)),
    updatedAt: at(date, 16),
  });
  const consent = (date: string, recordedById: string) => ({ givenBy: 'The child’s mother', how: 'phone' as const, givenOn: addDays(date, -2), recordedById, recordedAt: at(addDays(date, -2)) });
  const d1 = addDays(today, -24);
  const d2 = addDays(today, -40);
  const d3 = addDays(today, -5);
  const d4 = addDays(today, -60);
  const d5 = addDays(today, 7);
  return [
    {
      ...base(1, `${p}-manager`, `${p}-practitioner`, 'child-in-need', 'visit', d1, 'A home visit to review the child in need plan'),
      consent: consent(d1, `${p}-practitioner`),
      observation: observation(d1, ['hearing-the-child', 'recording', 'workload-and-time'], 'yes'),
      shadowerFeedback: { forPractitioner: 'You gave the child time to show us what mattered to them. Thank you for letting me see it.', writtenAt: at(addDays(d1, 1)) },
      practitionerFeedback: { aboutShadower: 'It helped that you stayed in the background and asked first.', forLeaders: 'Recording the same visit in three places takes an hour a day; please fix the forms.', writtenAt: at(addDays(d1, 2)) },
    },
    {
      ...base(2, `${p}-tm-01`, `${p}-sw-02`, 'assessment', 'meeting', d2, 'A core group meeting'),
      consent: consent(d2, `${p}-tm-01`),
      observation: observation(d2, ['working-with-partners', 'workload-and-time'], 'partly'),
      shadowerFeedback: { forPractitioner: 'You kept partners to the plan and the family heard it plainly.', writtenAt: at(addDays(d2, 1)) },
      practitionerFeedback: { aboutShadower: 'Good to have you there; it would help to talk before the meeting next time.', forLeaders: 'Partners send reports late; an escalation route would help.', writtenAt: at(addDays(d2, 3)) },
    },
    {
      ...base(3, `${p}-senior`, `${p}-practitioner`, 'child-in-need', 'duty-shift', d3, 'A morning on the duty desk'),
      observation: observation(d3, ['systems-and-tools', 'supervision-and-support', 'workload-and-time'], 'not-present'),
      shadowerFeedback: { forPractitioner: 'You handled a hard call with great care and checked in with the team after.', writtenAt: at(addDays(d3, 1)) },
    },
    { ...base(4, `${p}-senior`, `${p}-sw-03`, 'child-protection', 'visit', d4, 'A visit after an initial conference'), state: 'declined', declineReason: 'The family were very anxious that week.' },
    { ...base(5, `${p}-manager`, `${p}-practitioner`, 'child-in-need', 'meeting', d5, 'A child in need review meeting'), state: 'requested', answeredAt: undefined, createdAt: at(addDays(today, -1)), updatedAt: at(addDays(today, -1)) },
  ].map((s) => JSON.parse(JSON.stringify(s)) as Shadowing);
}

/** The action a senior manager raised from the "workload and time" theme. */
function demoShadowingAction(tenant: DemoTenant, today: string): Action {
  const p = tenant.prefix.toLowerCase();
  const raised = addDays(today, -10);
  return {
    id: `${p}-shadowing-action-1`,
    source: { type: 'shadowing', theme: 'workload-and-time' },
    description: 'Remove the duplicated visit recording between the case notes and the visit form.',
    finding: 'Shadowing keeps showing time lost to recording the same visit twice.',
    ownerId: `${p}-manager`,
    dueDate: addDays(today, 30),
    priority: 'high',
    state: 'open',
    teamId: 'child-in-need',
    raisedById: `${p}-senior`,
    reopenings: [],
    version: 1,
    createdAt: at(raised),
    updatedAt: at(raised),
  };
}

async function created(write: () => Promise<void>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'conflict') return false;
    throw error;
  }
}

export async function seedDemoShadowing(options: { context: TenantContext; tenant: DemoTenant }): Promise<number> {
  const { context, tenant } = options;
  const today = londonDate(clock.now());
  let written = 0;
  for (const s of demoShadowing(tenant, today)) if (await created(() => putNewShadowing(context, s))) written++;
  const action = demoShadowingAction(tenant, today);
  if (await created(() => putNewAction(context, action, { totals: false }))) {
    await putShadowingActionPointer(context, { actionId: action.id, theme: 'workload-and-time' });
    written++;
  }
  return written;
}
