/**
 * Applying a chunk of reference changes, one case after another (each move is many writes,
 * `cases/case-reference-move.ts`). A case moved by this import counts as updated each time
 * the chunk is applied again; one moved by an earlier import is unchanged. A change that can
 * no longer be made (the new reference taken in the meantime, the case gone) is refused with why.
 */
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import { clock } from '@waypoint/shared/time/clock';
import { findCase } from '../cases/case-store.ts';
import { getRename, moveCaseReference, ReferenceTaken } from '../cases/case-reference-move.ts';
import type { ApplyContext, RowOutcome } from './import-kinds.ts';
import type { ReferenceChange } from './reference-rows.ts';

export async function applyReferenceChanges(context: ApplyContext, rows: readonly { row: number; value: ReferenceChange }[]): Promise<RowOutcome[]> {
  const { tenant, importId, at } = context;
  const today = londonDate(clock.now());
  const outcomes: RowOutcome[] = [];
  for (const { value } of rows) {
    const marker = await getRename(tenant, value.from);
    if (marker?.state === 'done') {
      outcomes.push(marker.to.toUpperCase() !== value.to.toUpperCase() ? { refused: `${marker.from} was already changed to ${marker.to}.` } : marker.importId === importId ? 'updated' : 'unchanged');
      continue;
    }
    if (!marker) {
      const found = await findCase(tenant, value.from);
      if (!found || found.ref !== value.from) {
        outcomes.push({ refused: `There is no case ${value.from} in Waypoint now.` });
        continue;
      }
    } else if (marker.to.toUpperCase() !== value.to.toUpperCase()) {
      outcomes.push({ refused: `${marker.from} is being changed to ${marker.to} by another import.` });
      continue;
    }
    try {
      const moved = await moveCaseReference(tenant, { from: marker?.from ?? value.from, to: marker?.to ?? value.to, importId, at, today });
      outcomes.push(moved ? 'updated' : 'unchanged');
    } catch (error) {
      if (!(error instanceof ReferenceTaken)) throw error;
      outcomes.push({ refused: `${value.to} is already the reference of another case in Waypoint.` });
    }
  }
  return outcomes;
}
