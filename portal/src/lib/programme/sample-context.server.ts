/** What a sample page or form needs: the month and manager from the address, the sample (or none yet), who the manager is, and what the caller may do. */
import { error, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import type { SampleDetail } from '@waypoint/shared/programme/programme-schemas';
import { createApi, type Me } from '../server/api.ts';
import { ApiError } from '../server/errors.ts';
import { isMonth } from './month-param.ts';
import { programmeApi } from './programme-api.server.ts';
import { canHandleSample, canReadProgramme } from './programme-permissions.ts';

export interface SampleContext {
  month: string;
  managerId: string;
  managerName: string;
  sample: SampleDetail | null;
  version: string;
  /** The caller may propose, swap and accept (the manager themself, or QA). */
  canHandle: boolean;
  own: boolean;
}

export async function readSampleContext(event: Pick<RequestEvent, 'locals' | 'cookies' | 'url' | 'params'>, me: Me): Promise<SampleContext> {
  const { month, managerId } = event.params;
  if (!isMonth(month) || !v.is(EntityId, managerId)) error(404, 'Page not found');
  if (!canReadProgramme(me.role)) error(403, 'You do not have access to this page');
  // A manager has only their own sample: another manager's is the same 404 the API gives.
  if (me.role === 'manager' && managerId !== me.user.id) error(404, 'Page not found');
  const api = createApi(event);
  let sample: SampleDetail | null = null;
  let version = '';
  try {
    const found = await programmeApi(api).sample(month, managerId);
    sample = found.value;
    version = found.version;
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) throw e;
  }
  let managerName = sample?.people[managerId];
  if (!managerName) {
    const manager = await api.user(managerId, [403, 404]).catch((e: unknown) => {
      if (e instanceof ApiError) return null;
      throw e;
    });
    if (!manager || manager.role !== 'manager') error(404, 'Page not found');
    managerName = manager.name;
  }
  return { month, managerId, managerName, sample, version, canHandle: canHandleSample(me.role, { viewerId: me.user.id, managerId }), own: me.user.id === managerId };
}
