/** The API on one machine runs with the young generation Lambda gives the API functions. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_MEMORY_MB } from '../api/api-functions.ts';
import { lambdaNodeFlags, lambdaSemiSpaceMb } from './lambda-node-flags.ts';
import { REPO_ROOT } from './paths.ts';

const scripts = (JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('lambda node flags', () => {
  it('give a tenth of the memory to the young generation, in two semi-spaces', () => {
    expect(lambdaSemiSpaceMb(1024)).toBe(51);
    expect(lambdaNodeFlags(1024)).toEqual(['--expose-gc', '--max-http-header-size=81920', '--max-semi-space-size=51', '--max-old-space-size=922']);
  });

  it('are the semi-space size of every script that serves the API on one machine', () => {
    const flag = `--max-semi-space-size=${lambdaSemiSpaceMb(API_MEMORY_MB)}`;
    for (const name of ['start', 'bench', 'bench:reads', 'bench:portal', 'bench:team', 'bench:profile']) {
      expect(scripts[name], name).toMatch(new RegExp(`\\btsx ${flag} `));
    }
  });
});
