/**
 * `/v1/cases/{ref}/journey`: the child's journey, read by anyone who may see the case and
 * recorded by the managers, QA officers and senior managers who may see it and by the
 * case holder. Events are checked against today (London) and the order rules; the whole
 * journey is one versioned document, so PATCH and DELETE quote its ETag in If-Match.
 */
import { Hono, type Context } from 'hono';
import { ulid } from 'ulid';
import { CaseRef, type Case } from '@waypoint/shared/cases/case-schemas';
import { describeKnockOn, newOrderProblems } from '@waypoint/shared/journey/journey-order';
import { CreateJourneyEventBody, JourneyEventId, MAX_JOURNEY_EVENTS, UpdateJourneyEventBody, type CaseJourney, type RecordedJourneyEvent } from '@waypoint/shared/journey/journey-schemas';
import { evaluateTimescales } from '@waypoint/shared/journey/timescales';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { today } from '../audits/audit-checks.ts';
import { canSeeCase, caseViewer, type CaseViewer } from '../cases/case-scope.ts';
import { findCase, refuseWhileMoving } from '../cases/case-store.ts';
import { recordActivity } from '../platform/activity/activity-log.ts';
import { ApiError, forbidden, notFound, type FieldError } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { requireIfMatch, setEtag } from '../platform/http/versioning.ts';
import { getJourney, inJourneyOrder, saveJourney, type StoredJourney } from './journey-store.ts';

/** A POST without If-Match re-reads and tries again this often when someone else saved first. */
const ADD_ATTEMPTS = 3;

export const journeyRoutes = new Hono<AppEnv>();

/** The case, when the caller may see it; otherwise the same 404 as a case that does not exist. */
async function visibleCase(c: Context<AppEnv>): Promise<{ viewer: CaseViewer; found: Case }> {
  const { tenant, staff } = c.var;
  const ref = readParam(c, 'ref', CaseRef);
  const viewer = await caseViewer(tenant, staff);
  const found = viewer.scope === 'none' ? undefined : await findCase(tenant, ref);
  if (!found || !canSeeCase(viewer, found)) throw notFound('case');
  return { viewer, found };
}

function requireJourneyEditor(viewer: CaseViewer, found: Case): void {
  if (viewer.canEdit || found.holderId === viewer.caller.userId) return refuseWhileMoving(found);
  throw forbidden('Team managers, QA officers, senior managers and the case holder record the journey');
}

export function caseJourneyView(caseRef: string, stored: StoredJourney | undefined, on = today()): CaseJourney {
  const events = inJourneyOrder(stored?.events ?? []);
  return { caseRef, events, timescales: evaluateTimescales(events, on), today: on, version: stored?.version ?? 0 };
}

/** Field problems a change would cause: a date in the future, or events out of order. */
function journeyProblems(options: { before: RecordedJourneyEvent[]; after: RecordedJourneyEvent[]; changed?: RecordedJourneyEvent }): FieldError[] {
  const errors: FieldError[] = [];
  const { changed } = options;
  if (changed && changed.date > today()) errors.push({ path: 'date', message: 'A journey event cannot be in the future' });
  for (const problem of newOrderProblems(options.before, options.after)) {
    errors.push({ path: 'date', message: problem.eventId === changed?.id ? problem.message : describeKnockOn(problem) });
  }
  return errors;
}

async function saved(c: Context<AppEnv>, options: { stored: StoredJourney | undefined; events: RecordedJourneyEvent[]; caseRef: string; at: string }) {
  const { tenant, staff } = c.var;
  const versionBefore = options.stored?.version ?? 0;
  const journey = await saveJourney({ tenant, caseRef: options.caseRef, expectedVersion: versionBefore, events: options.events, createdAt: options.stored?.createdAt, at: options.at });
  await recordActivity({ tenant, actor: staff, action: versionBefore === 0 ? 'created' : 'updated', entity: 'journey', entityId: options.caseRef, versionBefore: versionBefore || null, versionAfter: journey.version, at: options.at, changes: ['events'] });
  setEtag(c, journey.version);
  return caseJourneyView(options.caseRef, journey);
}

journeyRoutes.get('/:ref/journey', async (c) => {
  const { found } = await visibleCase(c);
  const stored = await getJourney(c.var.tenant, found.ref);
  setEtag(c, stored?.version ?? 0);
  return c.json(caseJourneyView(found.ref, stored));
});

journeyRoutes.post('/:ref/journey', async (c) => {
  const { tenant, staff } = c.var;
  const { viewer, found } = await visibleCase(c);
  requireJourneyEditor(viewer, found);
  const quoted = c.req.header('if-match') === undefined ? undefined : requireIfMatch(c);
  const body = await readJsonBody(c, CreateJourneyEventBody);
  for (let attempt = 1; ; attempt++) {
    const stored = await getJourney(tenant, found.ref);
    const before = stored?.events ?? [];
    if (quoted !== undefined && quoted !== (stored?.version ?? 0)) throw new ApiError('precondition-failed', 'The journey was changed by someone else; read it again and reapply your change');
    if (before.length >= MAX_JOURNEY_EVENTS) throw new ApiError('conflict', `A case’s journey holds at most ${MAX_JOURNEY_EVENTS} events`);
    const at = clock.nowIso();
    const event: RecordedJourneyEvent = { id: ulid(clock.now().getTime()), type: body.type, date: body.date, ...(body.note ? { note: body.note } : {}), recordedById: staff.userId, recordedAt: at };
    const after = [...before, event];
    const errors = journeyProblems({ before, after, changed: event });
    if (errors.length) throw new ApiError('validation', 'The event does not fit the child’s journey', { errors });
    try {
      const journey = await saved(c, { stored, events: after, caseRef: found.ref, at });
      c.header('Location', `/v1/cases/${found.ref}/journey/events/${event.id}`);
      return c.json(journey, 201);
    } catch (error) {
      // Without If-Match the caller asked only to add an event: re-read and add it to what is there now.
      if (!(error instanceof ApiError && error.kind === 'precondition-failed') || quoted !== undefined || attempt >= ADD_ATTEMPTS) throw error;
    }
  }
});

/** The journey at the version the caller quoted, and the event they named in it. */
async function quotedEvent(c: Context<AppEnv>) {
  const { viewer, found } = await visibleCase(c);
  const eventId = readParam(c, 'eventId', JourneyEventId);
  requireJourneyEditor(viewer, found);
  const expectedVersion = requireIfMatch(c);
  const stored = await getJourney(c.var.tenant, found.ref);
  const event = stored?.events.find((e) => e.id === eventId);
  if (!stored || !event) throw notFound('journey event');
  if (stored.version !== expectedVersion) throw new ApiError('precondition-failed', `The journey was changed by someone else (now version ${stored.version}); read it again and reapply your change`);
  return { found, stored, event };
}

journeyRoutes.patch('/:ref/journey/events/:eventId', async (c) => {
  const { found, stored, event } = await quotedEvent(c);
  const body = await readJsonBody(c, UpdateJourneyEventBody);
  if (body.type === undefined && body.date === undefined && body.note === undefined) {
    throw new ApiError('validation', 'Nothing to change', { errors: [{ path: '(body)', message: 'Send the type, date or note to change' }] });
  }
  const { note: _note, ...kept } = event;
  const note = body.note === undefined ? event.note : (body.note ?? undefined);
  const changed: RecordedJourneyEvent = { ...kept, type: body.type ?? event.type, date: body.date ?? event.date, ...(note ? { note } : {}) };
  const after = stored.events.map((e) => (e.id === event.id ? changed : e));
  const errors = journeyProblems({ before: stored.events, after, changed: body.date !== undefined || body.type !== undefined ? changed : undefined });
  if (errors.length) throw new ApiError('validation', 'The change does not fit the child’s journey', { errors });
  return c.json(await saved(c, { stored, events: after, caseRef: found.ref, at: clock.nowIso() }));
});

journeyRoutes.delete('/:ref/journey/events/:eventId', async (c) => {
  const { found, stored, event } = await quotedEvent(c);
  const after = stored.events.filter((e) => e.id !== event.id);
  const knockOn = newOrderProblems(stored.events, after);
  if (knockOn.length) throw new ApiError('conflict', `Other events depend on this one. ${describeKnockOn(knockOn[0]!)}`);
  return c.json(await saved(c, { stored, events: after, caseRef: found.ref, at: clock.nowIso() }));
});
