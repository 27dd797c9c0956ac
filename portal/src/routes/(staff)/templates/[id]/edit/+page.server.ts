/**
 * Editing a template's next version. The draft lives in the form: each button posts it
 * whole with one change (add, move, remove), Preview checks it with the API's schema and
 * shows it as an audit will, and Publish sends it. Nothing is stored until then, so an
 * abandoned draft leaves nothing behind.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { questionsOf, TemplateId, type QuestionMeaning, type TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import { readGradeLabels } from '$lib/audits/audit-context.server';
import type { FieldError } from '$lib/forms/form-errors';
import { createApi } from '$lib/server/api';
import { ApiError } from '$lib/server/errors';
import { draftFieldFor, publishBodyFromDraft } from '$lib/templates/draft-definition';
import { applyOperation, parseOperation } from '$lib/templates/draft-operations';
import { templateApi } from '$lib/templates/template-api.server';
import { draftFromForm, draftFromVersion, type TemplateDraft } from '$lib/templates/template-draft';
import { openAuditsByVersion } from '$lib/templates/template-usage.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export type EditorResult =
  { mode: 'edit'; draft: TemplateDraft; errors: FieldError[]; openSection: number | null } | { mode: 'preview'; draft: TemplateDraft; body: Extract<ReturnType<typeof publishBodyFromDraft>, { ok: true }>['body']; conflict: number | null; errors: FieldError[] };

function idFrom(raw: string): string {
  if (!v.is(TemplateId, raw)) error(404, 'Page not found');
  return raw;
}

/** Which kept questions mean something to the service (the overall grade, say), by section and question id. */
function meaningsOf(version: TemplateVersion): Record<string, QuestionMeaning> {
  return Object.fromEntries(questionsOf(version).flatMap(({ section, question }) => (question.meaning ? [[`${section.id}/${question.id}`, question.meaning]] : [])));
}

/** The draft posted, and the published version it started from (for the ids, meanings and translations it keeps). */
async function postedDraft(event: RequestEvent, formData: FormData): Promise<{ id: string; draft: TemplateDraft; base: TemplateVersion; latest: TemplateVersion }> {
  const id = idFrom(event.params.id);
  const templates = templateApi(createApi(event));
  const draft = draftFromForm(formData);
  const latest = await templates.latest(id);
  const base = draft.baseVersion === latest.version || draft.baseVersion > latest.version ? latest : await templates.version(id, draft.baseVersion);
  return { id, draft: { ...draft, baseVersion: base.version }, base, latest };
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const id = idFrom(event.params.id);
  const api = createApi(event);
  const [latest, gradeLabels] = await Promise.all([templateApi(api).latest(id), readGradeLabels(api)]);
  // Feedback forms are not audited: only audit templates have open audits to count.
  const usage = latest.kind === 'audit' ? await openAuditsByVersion(api, me, id) : null;
  return { latest, draft: draftFromVersion(latest), meanings: meaningsOf(latest), usage, gradeLabels };
};

export const actions: Actions = {
  update: async (event) => {
    const formData = await event.request.formData();
    const { draft } = await postedDraft(event, formData);
    const op = parseOperation(formData.get('op'));
    if (!op) return { mode: 'edit', draft, errors: [], openSection: null } satisfies EditorResult;
    const result = applyOperation(draft, op);
    return { mode: 'edit', draft: result.draft, errors: [], openSection: result.openSection } satisfies EditorResult;
  },
  edit: async (event) => {
    const { draft } = await postedDraft(event, await event.request.formData());
    return { mode: 'edit', draft, errors: [], openSection: null } satisfies EditorResult;
  },
  preview: async (event) => {
    const { draft, base, latest } = await postedDraft(event, await event.request.formData());
    const checked = publishBodyFromDraft(draft, base);
    if (!checked.ok) return fail(400, { mode: 'edit', draft, errors: checked.errors, openSection: null } satisfies EditorResult);
    return { mode: 'preview', draft, body: checked.body, conflict: latest.version !== draft.baseVersion ? latest.version : null, errors: [] } satisfies EditorResult;
  },
  publish: async (event) => {
    const formData = await event.request.formData();
    const { id, draft, base, latest } = await postedDraft(event, formData);
    const checked = publishBodyFromDraft(draft, base);
    if (!checked.ok) return fail(400, { mode: 'edit', draft, errors: checked.errors, openSection: null } satisfies EditorResult);
    // Someone published since this draft began: publishing now would quietly undo their changes unless the author has looked.
    const seen = formData.get('overwrite') === 'yes' && formData.get('seenVersion') === String(latest.version);
    if (latest.version !== draft.baseVersion && !seen) {
      const errors = [
        { field: 'overwrite', message: `Version ${latest.version} was published after you started this draft from version ${draft.baseVersion}. Look at version ${latest.version}, then tick the box to publish your draft after it, or start again from it.` },
      ];
      return fail(409, { mode: 'preview', draft, body: checked.body, conflict: latest.version, errors } satisfies EditorResult);
    }
    let published: TemplateVersion;
    try {
      // Having looked at the newer version and ticked to go ahead, the author publishes after it.
      published = await templateApi(createApi(event)).publish(id, seen ? latest.version : draft.baseVersion, checked.body);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 403) error(403, 'You do not have access to this page');
      if (e.status === 409 || e.status === 412) {
        const errors = [{ field: 'form', message: 'Someone published a version of this template at the same moment. Preview again to see which version yours would follow.' }];
        return fail(409, { mode: 'edit', draft, errors, openSection: null } satisfies EditorResult);
      }
      const errors = (e.problem.errors ?? []).map((x) => ({ field: draftFieldFor(x.path), message: x.message }));
      return fail(400, { mode: 'edit', draft, errors: errors.length ? errors : [{ field: 'form', message: e.problem.detail ?? e.problem.title }], openSection: null } satisfies EditorResult);
    }
    redirect(303, `/templates/${encodeURIComponent(id)}?published=${published.version}`);
  },
};
