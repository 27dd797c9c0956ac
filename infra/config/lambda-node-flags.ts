/**
 * The flags Lambda's Node.js bootstrap starts node with for a function of a given memory size:
 * a tenth of it as the young generation, in two semi-spaces, and the rest as old space (the
 * functions set no NODE_OPTIONS of their own). The bench starts its cold starts with them. The
 * API on one machine (`npm start`, and the bench's own process, which serves it) runs with the
 * same semi-space size as the API functions, given to node by package.json's scripts (not through NODE_OPTIONS, so the portal and other child processes keep their own), so its garbage is
 * collected about as often as in AWS instead of in node's default 16 MB semi-spaces
 * (lambda-node-flags.test.ts holds the scripts to this figure).
 */
const newSpaceMb = (memoryMb: number) => Math.floor(memoryMb / 10);

export function lambdaSemiSpaceMb(memoryMb: number): number {
  return Math.floor(newSpaceMb(memoryMb) / 2);
}

export function lambdaNodeFlags(memoryMb: number): string[] {
  return ['--expose-gc', '--max-http-header-size=81920', `--max-semi-space-size=${lambdaSemiSpaceMb(memoryMb)}`, `--max-old-space-size=${memoryMb - newSpaceMb(memoryMb)}`];
}
