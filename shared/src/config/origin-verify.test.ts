/** Specifies how the API and the portal recognise requests that came through CloudFront. */
import { describe, expect, it } from 'vitest';
import { originVerifier, type SecretStage } from './origin-verify.ts';

function secrets(initial: Partial<Record<SecretStage, string>>) {
  const stages = { ...initial };
  let reads = 0;
  return {
    stages,
    reads: () => reads,
    fetcher: async (_arn: string, stage: SecretStage) => {
      reads += 1;
      return stages[stage];
    },
  };
}

describe('the origin check', () => {
  it('accepts the value CloudFront sends and refuses a missing or wrong header', async () => {
    const store = secrets({ AWSCURRENT: 'edge-secret-1' });
    const verify = originVerifier({ secretArn: 'arn:secret', fetcher: store.fetcher, now: () => 0 });
    expect(await verify('edge-secret-1')).toBe(true);
    expect(await verify(undefined)).toBe(false);
    expect(await verify('')).toBe(false);
    expect(await verify('edge-secret-2')).toBe(false);
    expect(await verify('edge-secret-10')).toBe(false);
  });

  it('accepts the previous value too while a rotation reaches every edge, and picks up the new one within a minute', async () => {
    const store = secrets({ AWSCURRENT: 'old' });
    let clock = 0;
    const verify = originVerifier({ secretArn: 'arn:secret', fetcher: store.fetcher, now: () => clock });
    expect(await verify('old')).toBe(true);
    store.stages.AWSPREVIOUS = 'old';
    store.stages.AWSCURRENT = 'new';
    // Within a minute of the last read an unknown value is refused without asking again.
    clock = 30_000;
    const readsBefore = store.reads();
    expect(await verify('new')).toBe(false);
    expect(store.reads()).toBe(readsBefore);
    clock = 61_000;
    expect(await verify('new')).toBe(true);
    expect(await verify('old')).toBe(true);
  });

  it('stops accepting a value once it is neither current nor previous', async () => {
    const store = secrets({ AWSCURRENT: 'b', AWSPREVIOUS: 'a' });
    let clock = 0;
    const verify = originVerifier({ secretArn: 'arn:secret', fetcher: store.fetcher, now: () => clock });
    expect(await verify('a')).toBe(true);
    store.stages.AWSPREVIOUS = 'b';
    store.stages.AWSCURRENT = 'c';
    clock = 6 * 60_000;
    expect(await verify('a')).toBe(false);
    expect(await verify('c')).toBe(true);
  });
});
