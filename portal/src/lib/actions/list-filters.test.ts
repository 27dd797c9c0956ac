import { describe, expect, it } from 'vitest';
import { overdueText } from './list-filters.ts';

describe('how many of the listed actions are overdue', () => {
  it('says it plainly, with the right verb for one', () => {
    expect(overdueText(1, 25)).toBe('1 of these 25 actions is overdue.');
    expect(overdueText(3, 25)).toBe('3 of these 25 actions are overdue.');
    expect(overdueText(2, 2)).toBe('All 2 of these actions are overdue.');
    expect(overdueText(1, 1)).toBe('This action is overdue.');
  });
});
