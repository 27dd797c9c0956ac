/** Counts as a reader writes them: 12,345. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}
