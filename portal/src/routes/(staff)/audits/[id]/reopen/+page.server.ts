/** Reopening a completed audit (QA officers only), with a reason recorded in the audit and the activity log. */
import { loadReasonMove, submitReasonMove } from '$lib/audits/reason-move.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => loadReasonMove(event, 'reopen', { me: (await event.parent()).me });

export const actions: Actions = { default: (event) => submitReasonMove(event, 'reopen') };
