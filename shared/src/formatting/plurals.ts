/** Counts in words: "1 action", "3 actions", never "1 actions". */

/** The noun for a count; `many` when the plural is not the noun plus "s" ("1 child", "2 children"). */
export function pluralNoun(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

/** "1 action", "0 actions", "2 children". */
export function countOf(count: number, one: string, many?: string): string {
  return `${count} ${pluralNoun(count, one, many)}`;
}
