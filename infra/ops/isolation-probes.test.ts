/** Specifies the after-deploy isolation probe's requests (the script itself needs an AWS account). */
import { describe, expect, it } from 'vitest';
import { tableDefinition } from '@waypoint/shared/table/table-definition';
import { isolationProbes, tenantOfToken } from './isolation-probes.ts';

const A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('the isolation probes', () => {
  it('expect every request naming the other tenant’s keys to be denied, and the controls on its own to be allowed', () => {
    const probes = isolationProbes(A, B);
    for (const probe of probes) {
      const touchesOther = JSON.stringify(probe.command).includes(B);
      expect(probe.expect, probe.what).toBe(touchesOther ? 'denied' : 'allowed');
    }
    expect(new Set(probes.map((p) => p.command.kind))).toEqual(new Set(['GetItem', 'Query', 'BatchGetItem', 'BatchWriteItem']));
  });

  it('query the table and every index of the table definition, both ways', () => {
    const queried = isolationProbes(A, B).flatMap((p) => (p.command.kind === 'Query' ? [`${p.command.index ?? 'table'} ${p.expect}`] : []));
    for (const index of ['table', ...tableDefinition.indexes.map((i) => i.name)]) {
      expect(queried).toContain(`${index} allowed`);
      expect(queried).toContain(`${index} denied`);
    }
  });

  it('read the tenant from an access token’s claims', () => {
    const token = ['e30', Buffer.from(JSON.stringify({ tenant_id: A })).toString('base64url'), 'sig'].join('.');
    expect(tenantOfToken(token)).toBe(A);
    expect(() => tenantOfToken('not-a-token')).toThrow();
  });
});
