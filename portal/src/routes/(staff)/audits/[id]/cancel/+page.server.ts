/** Cancelling a planned or in-progress audit, with a reason that stays on the record. */
import { loadReasonMove, submitReasonMove } from '$lib/audits/reason-move.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => loadReasonMove(event, 'cancel', { me: (await event.parent()).me });

export const actions: Actions = { default: (event) => submitReasonMove(event, 'cancel') };
