/** An activity's invitation codes: issue one (single use, or shared for those who run groups), list them, revoke one. */
import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { ActivityId } from '@waypoint/shared/engagement/activity-schemas';
import { CodeId } from '@waypoint/shared/engagement/invitation-codes';
import { londonDate } from '@waypoint/shared/time/calendar-dates';
import { CODE_FORM_MESSAGES, codeValuesFromForm, defaultCodeValues, issueBodyFromForm, startLink, type CodeFormFailure } from '$lib/engagement/code-form';
import { canIssueCodes, canIssueSharedCodes } from '$lib/engagement/engagement-permissions';
import { engagementApi } from '$lib/engagement/staff-api.server';
import { fieldErrorsFromProblem } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

function idFrom(raw: string): string {
  if (!v.is(ActivityId, raw)) error(404, 'Page not found');
  return raw;
}

const codesHref = (id: string) => `/engagement/${encodeURIComponent(id)}/codes`;

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  if (!canIssueCodes(me.role)) error(403, 'You do not have access to this page');
  const id = idFrom(event.params.id);
  const api = engagementApi(createApi(event));
  const cursor = event.url.searchParams.get('cursor')?.slice(0, 2048) || undefined;
  const [found, codes] = await Promise.all([api.activity(id), api.codes(id, { limit: 50, cursor })]);
  const activity = found.value;
  const issuedId = event.url.searchParams.get('issued');
  const issued = issuedId ? (codes.items.find((c) => c.id === issuedId) ?? null) : null;
  const slug = me.tenant?.slug ?? '';
  return {
    activity,
    codes: codes.items,
    nextPageHref: codes.nextCursor ? `${codesHref(id)}?cursor=${encodeURIComponent(codes.nextCursor)}` : null,
    firstPageHref: cursor ? codesHref(id) : null,
    issued: issued ? { ...issued, link: startLink(event.url.origin, slug, issued.code), welshLink: `${startLink(event.url.origin, slug, issued.code)}&lang=cy` } : null,
    revoked: event.url.searchParams.get('revoked'),
    canShare: canIssueSharedCodes(me.role),
    initial: defaultCodeValues(londonDate(new Date()), activity.closesOn),
    idempotencyKey: randomUUID(),
  };
};

export const actions: Actions = {
  issue: async (event) => {
    const id = idFrom(event.params.id);
    const form = await event.request.formData();
    const values = codeValuesFromForm(form);
    const parsed = issueBodyFromForm(values);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values } satisfies CodeFormFailure);
    const key = form.get('idempotencyKey');
    let code;
    try {
      code = await engagementApi(createApi(event)).issueCode(id, parsed.body, typeof key === 'string' && key ? key : undefined);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 410) return fail(410, { errors: [{ field: 'form', message: 'This activity has closed, so no more codes can be issued for it' }], values } satisfies CodeFormFailure);
      const errors = fieldErrorsFromProblem(e.problem.errors, CODE_FORM_MESSAGES);
      return fail(e.status === 403 ? 403 : 400, {
        errors: errors.length > 0 ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }],
        values,
      } satisfies CodeFormFailure);
    }
    redirect(303, `${codesHref(id)}?issued=${encodeURIComponent(code.id)}`);
  },
  revoke: async (event) => {
    const id = idFrom(event.params.id);
    const codeId = (await event.request.formData()).get('codeId');
    if (typeof codeId !== 'string' || !v.is(CodeId, codeId)) error(404, 'Page not found');
    try {
      await engagementApi(createApi(event)).revokeCode(id, codeId);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return fail(e.status, { errors: [{ field: 'form', message: e.problem.detail ?? 'The code could not be revoked; reload the page and try again' }], values: null });
    }
    redirect(303, `${codesHref(id)}?revoked=${encodeURIComponent(codeId)}`);
  },
};
