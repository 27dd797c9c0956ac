/**
 * Applying a chunk of journey events: each case's journey gets the events it does not have
 * yet (the same event on the same day is already there: unchanged). An event the order rules
 * refuse (an assessment before any referral) is refused with the rule's words. Events carry
 * an id made from the import and the row, so a chunk done again after a crash finds its own.
 */
import { MAX_JOURNEY_EVENTS, type RecordedJourneyEvent } from '@waypoint/shared/journey/journey-schemas';
import { newOrderProblems } from '@waypoint/shared/journey/journey-order';
import { findCase } from '../cases/case-store.ts';
import { getJourney, saveJourney } from '../journey/journey-store.ts';
import { inParallel } from '../platform/database/in-parallel.ts';
import type { ApplyContext, RowOutcome } from './import-kinds.ts';
import type { JourneyEventFromRow } from './journey-rows.ts';

export async function addJourneyEvents(context: ApplyContext, rows: readonly { row: number; value: JourneyEventFromRow }[]): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = new Array(rows.length);
  const byCase = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const key = r.value.ref.toUpperCase();
    byCase.set(key, [...(byCase.get(key) ?? []), i]);
  });
  await inParallel([...byCase.values()], 8, async (indexes) => {
    const first = rows[indexes[0]!]!;
    const found = await findCase(context.tenant, first.value.ref);
    if (!found) {
      for (const i of indexes) outcomes[i] = { refused: `There is no case ${first.value.ref} in Waypoint: import the cases first.` };
      return;
    }
    const stored = await getJourney(context.tenant, found.ref);
    const before = stored?.events ?? [];
    let after = [...before];
    for (const i of indexes) {
      const { row, value } = rows[i]!;
      const id = `i${context.importId}r${row}`;
      if (before.some((e) => e.id === id)) outcomes[i] = 'created';
      else if (before.some((e) => e.type === value.type && e.date === value.date)) outcomes[i] = 'unchanged';
      else if (after.length >= MAX_JOURNEY_EVENTS) outcomes[i] = { refused: `A case’s journey holds at most ${MAX_JOURNEY_EVENTS} events.` };
      else {
        const event: RecordedJourneyEvent = { id, type: value.type, date: value.date, recordedById: context.actorId, recordedAt: context.at };
        after.push(event);
        outcomes[i] = 'created';
      }
    }
    // Events the order rules refuse are left out, and the rest checked again without them.
    for (let pass = 0; pass < 5; pass++) {
      const problems = newOrderProblems(before, after).filter((p) => !before.some((e) => e.id === p.eventId));
      if (!problems.length) break;
      for (const p of problems) {
        const i = indexes.find((index) => `i${context.importId}r${rows[index]!.row}` === p.eventId);
        if (i !== undefined) outcomes[i] = { refused: p.message };
      }
      after = after.filter((e) => !problems.some((p) => p.eventId === e.id));
    }
    if (after.length !== before.length) await saveJourney({ tenant: context.tenant, caseRef: found.ref, expectedVersion: stored?.version ?? 0, events: after, createdAt: stored?.createdAt, at: context.at });
  });
  return outcomes;
}
