/**
 * `GET /v1/shadowing/learning`: what leaders learn across shadowing. Counts of the themes
 * observations were tagged with, in the list's own order, what practitioners said leaders should
 * change, and the actions raised from them; never a practitioner's name, a count per person, or
 * an order that could read as a ranking.
 */
import { Hono } from 'hono';
import { isOverdue } from '@waypoint/shared/actions/action-lifecycle';
import { LearningQuery, type ShadowingLearning } from '@waypoint/shared/shadowing/shadowing-schemas';
import { feedbackRevealed } from '@waypoint/shared/shadowing/shadowing-moves';
import { SHADOWING_LEARNERS } from '@waypoint/shared/shadowing/shadowing-roles';
import { SHADOWING_THEMES } from '@waypoint/shared/shadowing/shadowing-themes';
import { addMonths } from '@waypoint/shared/time/calendar-dates';
import type { AppEnv } from '../api/app-env.ts';
import { getAction } from '../actions/action-store.ts';
import { today } from '../audits/audit-checks.ts';
import { requireRole } from '../platform/auth/caller.ts';
import { readQuery } from '../platform/http/validation.ts';
import { getUser } from '../users/user-store.ts';
import { listShadowingActionPointers, listShadowingBetween } from './shadowing-store.ts';

export const learningRoutes = new Hono<AppEnv>();

export const DEFAULT_LEARNING_MONTHS = 12;

learningRoutes.get('/learning', async (c) => {
  const { tenant, staff } = c.var;
  requireRole(staff, SHADOWING_LEARNERS);
  const query = readQuery(c, LearningQuery);
  const to = today();
  const from = addMonths(to, -(query.months ?? DEFAULT_LEARNING_MONTHS));
  const [shadowings, pointers, me] = await Promise.all([listShadowingBetween(tenant, from, to), listShadowingActionPointers(tenant), getUser(tenant, staff.userId)]);
  const took = shadowings.filter((s) => s.state === 'agreed');
  const counts = new Map<string, number>();
  for (const s of took) for (const tag of s.observation?.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  // A team manager sees the actions of their own teams and those they raised, as on the actions pages.
  const actions = (await Promise.all(pointers.map(async (p) => ({ pointer: p, action: await getAction(tenant, p.actionId) })))).filter(
    ({ action }) => action !== undefined && (staff.role !== 'manager' || action.raisedById === staff.userId || (me?.teamIds ?? []).includes(action.teamId)),
  );
  const learning: ShadowingLearning = {
    from,
    to,
    shadowed: took.length,
    observed: took.filter((s) => s.observation !== undefined).length,
    themes: SHADOWING_THEMES.map((theme) => ({ theme, count: counts.get(theme) ?? 0 })),
    leadersShouldChange: took
      .filter((s) => s.practitionerFeedback !== undefined && feedbackRevealed(s, to))
      .sort((a, b) => b.practitionerFeedback!.writtenAt.localeCompare(a.practitionerFeedback!.writtenAt))
      .map((s) => s.practitionerFeedback!.forLeaders),
    actions: actions.map(({ pointer, action }) => ({ id: action!.id, theme: pointer.theme, description: action!.description, state: action!.state, dueDate: action!.dueDate, overdue: isOverdue(action!, to) })).sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
  };
  return c.json(learning);
});
