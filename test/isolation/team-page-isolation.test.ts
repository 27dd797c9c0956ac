/**
 * A team's page across authorities: a team only Northvale has is a 404 to every Southmoor
 * role, exactly as a team nobody has; Southmoor's page for a team of the same id counts only
 * Southmoor's people and figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceView } from '@waypoint/shared/dashboards/service-view-schemas';
import type { TeamView } from '@waypoint/shared/dashboards/team-view';
import { startStack, type TestStack } from '../support/stack.ts';
import { ROLES, expectJson, expectProblem, jsonInit, nv, sm } from '../api/api-client.ts';

let stack: TestStack;
const NV_ONLY = 'northvale-duty-team';

beforeAll(async () => {
  stack = await startStack();
  await expectJson(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { id: NV_ONLY, name: 'Northvale Duty' })), 201);
});
afterAll(async () => {
  await stack?.stop();
});

describe('another authority’s team page', () => {
  it('opens for Northvale’s QA officer', async () => {
    expect((await expectJson<TeamView>(await stack.api(nv('qa'), `/v1/dashboards/teams/${NV_ONLY}`))).team.name).toBe('Northvale Duty');
  });

  for (const role of ROLES) {
    it(`is a 404 for a Southmoor ${role}, as for a team nobody has`, async () => {
      const theirs = await stack.api(sm(role), `/v1/dashboards/teams/${NV_ONLY}`);
      const nobodys = await stack.api(sm(role), '/v1/dashboards/teams/no-such-team');
      expect(theirs.status).toBe(nobodys.status);
      const problem = await expectProblem(theirs, 404);
      expect(problem.detail).not.toContain('Northvale');
    });
  }

  it('with a team id both authorities use, counts only the reader’s own authority', async () => {
    const southmoor = await expectJson<TeamView>(await stack.api(sm('manager'), '/v1/dashboards/teams/child-in-need'));
    const northvale = await expectJson<TeamView>(await stack.api(nv('manager'), '/v1/dashboards/teams/child-in-need'));
    expect(southmoor.owners.length).toBeGreaterThan(0);
    expect(southmoor.owners.every((o) => o.ownerId.startsWith('sm-'))).toBe(true);
    expect(northvale.owners.every((o) => o.ownerId.startsWith('nv-'))).toBe(true);
    const dashboard = await expectJson<ServiceView>(await stack.api(sm('qa'), '/v1/dashboards/service?period=12m&team=child-in-need'));
    expect(southmoor.service.audits).toEqual(dashboard.audits);
  });
});
