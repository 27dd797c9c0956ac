import { describe, expect, it } from 'vitest';
import { ACTION_STATES } from './action-schemas.ts';
import { daysToDone, isOverdue, movesFrom, stateAfterMove } from './action-lifecycle.ts';

describe('action lifecycle', () => {
  it('allows exactly the moves of the lifecycle', () => {
    const allowed = ACTION_STATES.flatMap((state) => movesFrom(state).map((move) => `${state} -${move}-> ${stateAfterMove(state, move)}`));
    expect(allowed.sort()).toEqual(
      ['open -start-> in-progress', 'open -complete-> done', 'in-progress -complete-> done', 'done -verify-> verified', 'done -reopen-> open', 'verified -reopen-> open', 'open -cancel-> cancelled', 'in-progress -cancel-> cancelled'].sort(),
    );
  });

  it('forbids jumps, such as verifying an open action or restarting a cancelled one', () => {
    expect(stateAfterMove('open', 'verify')).toBeNull();
    expect(stateAfterMove('cancelled', 'start')).toBeNull();
    expect(stateAfterMove('verified', 'complete')).toBeNull();
    expect(movesFrom('cancelled')).toEqual([]);
  });

  it('counts an action overdue only after its due date and only while it is not done', () => {
    expect(isOverdue({ state: 'open', dueDate: '2026-11-25' }, '2026-11-26')).toBe(true);
    expect(isOverdue({ state: 'in-progress', dueDate: '2026-11-26' }, '2026-11-26')).toBe(false);
    expect(isOverdue({ state: 'done', dueDate: '2026-01-01' }, '2026-11-26')).toBe(false);
    expect(isOverdue({ state: 'cancelled', dueDate: '2026-01-01' }, '2026-11-26')).toBe(false);
  });

  it('measures days to done in whole calendar days, across the clocks changing', () => {
    expect(daysToDone('2026-03-20', '2026-04-03')).toBe(14);
    expect(daysToDone('2026-11-26', '2026-11-26')).toBe(0);
  });
});
