/**
 * One reflection on an audit with its evidence files: whoever may see the audit reads it and
 * opens its clean files; its author attaches more by a form that sends the file straight to the
 * storage service (works with JavaScript off).
 */
import { error } from '@sveltejs/kit';
import { readAuditContext, type AuditContext } from '$lib/audits/audit-context.server';
import { fileApi, reflectionFiles } from '$lib/files/file-api.server';
import { FILE_PROBLEMS, isFileProblem } from '$lib/files/file-words';
import { uploadFormFor } from '$lib/files/form-upload.server';
import { createApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

function reflectionOf(context: AuditContext, reflectionId: string | undefined) {
  const reflection = context.audit.reflections.find((r) => r.id === reflectionId);
  if (!reflection) error(404, 'Page not found');
  return reflection;
}

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const context = await readAuditContext(event, { me });
  const reflection = reflectionOf(context, event.params.reflectionId);
  const parent = reflectionFiles(context.audit.id, reflection.id);
  // Only the author adds files, and a cancelled audit takes none (the API says the same).
  const canAttach = reflection.authorId === me.user.id && context.audit.state !== 'cancelled';
  const pageHref = `/audits/${encodeURIComponent(context.audit.id)}/reflections/${encodeURIComponent(reflection.id)}`;
  const [files, uploadForm] = await Promise.all([fileApi(createApi(event)).list(parent), canAttach ? uploadFormFor(event, parent, pageHref) : null]);
  const problem = event.url.searchParams.get('fileProblem');
  return {
    audit: { id: context.audit.id, caseRef: context.audit.caseRef },
    reflection,
    author: context.audit.people[reflection.authorId] ?? 'Not shown',
    mine: reflection.authorId === me.user.id,
    uploadForm,
    files: files.items,
    fileNotice: event.url.searchParams.has('attached') ? 'File attached. It can be opened once it has been checked.' : null,
    fileProblem: isFileProblem(problem) ? FILE_PROBLEMS[problem] : null,
  };
};
