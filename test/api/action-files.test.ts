/**
 * Evidence files on an action over HTTP: a PDF is uploaded to the bucket with the presigned
 * POST, confirmed from its content, checked for malware and downloaded by the manager with a
 * short-lived link whose headers name it safely. A renamed program, an empty file, a 21 MB file,
 * a path in the name and a second confirmation racing the first are each a clear 4xx that
 * leaves nothing stored. The same holds for a plain form the API signs, which posts the file
 * straight to the bucket and comes back to the portal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv } from './api-client.ts';
import { inDays, raiseAction } from './actions-support.ts';
import { JOURNEY, planAudit, todayInLondon } from './audits-support.ts';
import { attach, confirm, EICAR, exeBytes, pdfBytes, policyOf, postForm, postToBucket, startUpload, uploadForm, type FileView } from './files-support.ts';

let stack: TestStack;
let actionId: string;
let auditId: string;
const owner = nv('practitioner');
/** The student who took part in the audit: may see it, and reflects on it. */
const student = nv('student');

beforeAll(async () => {
  stack = await startStack();
  const audit = await planAudit(stack, { caseRef: 'NV-00007', studentId: 'nv-student' });
  auditId = audit.audit.id;
  actionId = (await raiseAction(stack, { auditId: audit.audit.id, dueDate: inDays(todayInLondon(), 14) })).action.id;
});
afterAll(async () => {
  await stack?.stop();
});

const list = async (email = owner) => (await expectJson<{ items: FileView[] }>(await stack.api(email, `/v1/actions/${actionId}/files`))).items;
const keyOf = async (fileId: string) => {
  const objects = stack.jobDependencies.objects;
  const keys: string[] = [];
  for await (const item of objects.list(`tenants/${(await stack.api(owner, '/v1/me').then((r) => r.json())).tenant.id}/evidence/`)) keys.push(item.key);
  return keys.filter((key) => key.endsWith(`/${fileId}`));
};

describe('a PDF attached to an action', () => {
  it('is confirmed from its content, passes the check, and the manager downloads it by a short-lived link', async () => {
    const bytes = pdfBytes();
    const file = await attach(stack, owner, actionId, 'Visit notes – père.pdf', bytes);
    expect(file).toMatchObject({ filename: 'Visit notes – père.pdf', size: bytes.length, kind: 'PDF', mime: 'application/pdf', status: 'clean' });
    expect((await list(nv('manager'))).map((f) => f.id)).toContain(file.id);
    const link = await expectJson<{ url: string; expiresInSeconds: number }>(await stack.api(nv('manager'), `/v1/actions/${actionId}/files/${file.id}/download`));
    expect(link.expiresInSeconds).toBeLessThanOrEqual(300);
    const download = await fetch(link.url);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="Visit notes _ p_re.pdf"; filename*=UTF-8''Visit%20notes%20%E2%80%93%20p%C3%A8re.pdf`);
  });

  it('keeps a file the malware check finds a threat in from anyone, and removes it from the bucket', async () => {
    const file = await attach(stack, owner, actionId, 'scan.pdf', Buffer.concat([pdfBytes(), Buffer.from(EICAR)]));
    expect(file.status).toBe('threat');
    await expectProblem(await stack.api(nv('manager'), `/v1/actions/${actionId}/files/${file.id}/download`), 410);
    expect(await keyOf(file.id)).toEqual([]);
  });
});

describe('bad files are refused, and nothing of them stays', () => {
  it('refuses a renamed program after upload (415) and deletes what arrived', async () => {
    const started = await startUpload(stack, owner, actionId, 'report.pdf', 512);
    expect((await postToBucket(started, exeBytes())).status).toBeLessThan(300);
    const problem = await expectProblem(await confirm(stack, owner, actionId, started.file.id), 415);
    expect(problem.detail).toMatch(/PDF, an image .* Office document/);
    expect(await keyOf(started.file.id)).toEqual([]);
    expect((await list()).map((f) => f.id)).not.toContain(started.file.id);
    await expectProblem(await confirm(stack, owner, actionId, started.file.id), 404);
  });

  it('refuses an empty file when it is declared and when one arrives (400)', async () => {
    const declared = await expectProblem(await stack.api(owner, `/v1/actions/${actionId}/files`, jsonInit('POST', { filename: 'empty.pdf', size: 0 })), 400);
    expect(declared.detail).toMatch(/empty/);
    const started = await startUpload(stack, owner, actionId, 'empty.pdf', 10);
    await postToBucket(started, Buffer.alloc(0));
    expect((await expectProblem(await confirm(stack, owner, actionId, started.file.id), 400)).detail).toMatch(/empty/);
    expect(await keyOf(started.file.id)).toEqual([]);
  });

  it('refuses a 21 MB file when it is declared (413) and when one arrives though a smaller size was declared (413)', async () => {
    const big = 21 * 1024 * 1024;
    expect((await expectProblem(await stack.api(owner, `/v1/actions/${actionId}/files`, jsonInit('POST', { filename: 'big.pdf', size: big })), 413)).detail).toMatch(/20 MB/);
    const started = await startUpload(stack, owner, actionId, 'big.pdf', 1000);
    expect(JSON.parse(Buffer.from(started.upload.fields.Policy!, 'base64').toString()).conditions).toContainEqual(['content-length-range', 1, 20 * 1024 * 1024]);
    await postToBucket(started, Buffer.concat([pdfBytes(), Buffer.alloc(big)]));
    await expectProblem(await confirm(stack, owner, actionId, started.file.id), 413);
    expect(await keyOf(started.file.id)).toEqual([]);
  });

  it('refuses a name with a folder in it (400), and never puts a name in a key', async () => {
    for (const filename of ['../../etc/passwd.pdf', 'C:\\Users\\me\\notes.pdf', 'a/b.pdf', '..', 'line\nbreak.pdf']) {
      const problem = await expectProblem(await stack.api(owner, `/v1/actions/${actionId}/files`, jsonInit('POST', { filename, size: 10 })), 400);
      expect(problem.errors?.[0]?.path).toBe('filename');
    }
    const started = await startUpload(stack, owner, actionId, 'notes.pdf', 10);
    expect(started.upload.fields.key).toMatch(/^tenants\/[0-9a-f-]{36}\/evidence\/actions\/[^/]+\/[0-9A-Z]{26}$/);
    expect(started.upload.fields.key).not.toContain('notes');
  });

  it('lets only one of two racing confirmations through (409 for the other), with one file kept', async () => {
    const started = await startUpload(stack, owner, actionId, 'twice.pdf', pdfBytes().length);
    await Promise.all([postToBucket(started, pdfBytes('first')), postToBucket(started, pdfBytes('second'))]);
    const answers = await Promise.all([confirm(stack, owner, actionId, started.file.id), confirm(stack, owner, actionId, started.file.id)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    await expectProblem(
      answers.find((a) => a.status === 409)!,
      409,
    );
    expect((await list()).filter((f) => f.id === started.file.id)).toHaveLength(1);
    expect(await keyOf(started.file.id)).toHaveLength(1);
  });

  it('answers a confirmation before the upload arrived with 409, and a download of it with 404', async () => {
    const started = await startUpload(stack, owner, actionId, 'later.pdf', 100);
    expect((await expectProblem(await confirm(stack, owner, actionId, started.file.id), 409)).detail).toMatch(/not arrived/);
    await expectProblem(await stack.api(owner, `/v1/actions/${actionId}/files/${started.file.id}/download`), 404);
    expect((await list()).map((f) => f.id)).not.toContain(started.file.id);
  });
});

describe('files on a section of an audit', () => {
  const section = () => `/v1/audits/${auditId}/sections/${JOURNEY.sections[0]!.id}`;

  it('lets the auditor attach a PDF that the student who took part lists and downloads', async () => {
    const file = await attach(stack, nv('manager'), section(), 'Supervision notes.pdf', pdfBytes('supervision'));
    expect(file).toMatchObject({ filename: 'Supervision notes.pdf', kind: 'PDF', status: 'clean' });
    const listed = await expectJson<{ items: FileView[] }>(await stack.api(student, `${section()}/files`));
    expect(listed.items.map((f) => f.id)).toEqual([file.id]);
    const link = await expectJson<{ url: string }>(await stack.api(student, `${section()}/files/${file.id}/download`));
    expect((await fetch(link.url)).status).toBe(200);
    expect(new URL(link.url).pathname).toContain(`/evidence/audits/${auditId}/sections/${JOURNEY.sections[0]!.id}/`);
  });

  it('answers a section the template does not have with 404, and a path in the name with 400', async () => {
    await expectProblem(await stack.api(nv('manager'), `/v1/audits/${auditId}/sections/no-such-section/files`, jsonInit('POST', { filename: 'x.pdf', size: 10 })), 404);
    const problem = await expectProblem(await stack.api(nv('manager'), `${section()}/files`, jsonInit('POST', { filename: '../x.pdf', size: 10 })), 400);
    expect(problem.errors?.[0]?.path).toBe('filename');
  });
});

describe('files on a reflection', () => {
  let reflection: string;
  beforeAll(async () => {
    const created = await expectJson<{ id: string }>(await stack.api(student, `/v1/audits/${auditId}/reflections`, jsonInit('POST', { text: 'What I learnt from this audit' })), 201);
    reflection = `/v1/audits/${auditId}/reflections/${created.id}`;
  });

  it('lets its author attach a file that the auditor can open', async () => {
    const file = await attach(stack, student, reflection, 'my reflection.pdf', pdfBytes('reflection'));
    expect(file.status).toBe('clean');
    const link = await expectJson<{ url: string }>(await stack.api(nv('manager'), `${reflection}/files/${file.id}/download`));
    expect(Buffer.from(await (await fetch(link.url)).arrayBuffer()).equals(pdfBytes('reflection'))).toBe(true);
  });

  it('refuses an attachment from anyone but its author (403), and an empty file (400)', async () => {
    await expectProblem(await stack.api(nv('manager'), `${reflection}/files`, jsonInit('POST', { filename: 'x.pdf', size: 10 })), 403);
    expect((await expectProblem(await stack.api(student, `${reflection}/files`, jsonInit('POST', { filename: 'x.pdf', size: 0 })), 400)).detail).toMatch(/empty/);
    await expectProblem(await stack.api(student, `/v1/audits/${auditId}/reflections/01NOSUCHREFLECTION/files`), 404);
  });
});

describe('every file on an audit', () => {
  it('lists each section’s and each reflection’s received files in one answer, and no upload that was never confirmed', async () => {
    const sectionId = JOURNEY.sections[0]!.id;
    const unconfirmed = await startUpload(stack, nv('manager'), `/v1/audits/${auditId}/sections/${sectionId}`, 'never sent.pdf', 10);
    const all = await expectJson<{ sections: Record<string, FileView[]>; reflections: Record<string, FileView[]> }>(await stack.api(student, `/v1/audits/${auditId}/files`));
    expect(Object.keys(all.sections).sort()).toEqual(JOURNEY.sections.map((s) => s.id).sort());
    expect(all.sections[sectionId]!.map((f) => f.filename)).toEqual(['Supervision notes.pdf']);
    expect(all.sections[sectionId]!.map((f) => f.id)).not.toContain(unconfirmed.file.id);
    expect(all.sections[JOURNEY.sections[1]!.id]).toEqual([]);
    const onReflections = Object.values(all.reflections).flat();
    expect(onReflections.map((f) => [f.filename, f.status])).toEqual([['my reflection.pdf', 'clean']]);
    await expectProblem(await stack.api(student, '/v1/audits/01NOSUCHAUDIT0000000000000/files'), 404);
  });
});

describe('a form that posts the file straight to the bucket', () => {
  const returnTo = () => `/actions/${actionId}/files/uploaded`;

  it('is signed for one new key with the size, stored type, name and return conditions in its policy, and records nothing until confirmed', async () => {
    const form = await uploadForm(stack, owner, actionId, returnTo());
    expect(form.upload.fields.key).toBe(`${form.upload.fields.key!.slice(0, -26)}${form.fileId}`);
    expect(form.upload.fields.key).toMatch(/^tenants\/[0-9a-f-]{36}\/evidence\/actions\/[^/]+\/[0-9A-Z]{26}$/);
    expect(form.nameField).toBe('x-amz-meta-filename');
    const { conditions } = policyOf(form.upload.fields);
    expect(conditions).toContainEqual(['content-length-range', 1, 20 * 1024 * 1024]);
    expect(conditions).toContainEqual(['eq', '$Content-Type', 'application/octet-stream']);
    expect(conditions).toContainEqual(['starts-with', '$x-amz-meta-filename', '']);
    const redirect = conditions.find((c) => Array.isArray(c) && c[1] === '$success_action_redirect') as string[];
    expect(new URL(redirect[2]!).pathname).toBe(returnTo());
    expect((await list()).map((f) => f.id)).not.toContain(form.fileId);
  });

  it('brings the browser back to the portal with the key, and the confirmed file keeps the name the page sent', async () => {
    const form = await uploadForm(stack, owner, actionId, returnTo());
    const sent = await postForm(form, pdfBytes('form'), 'folder/Plan – père.pdf');
    expect(sent.status).toBe(303);
    const back = new URL(sent.headers.get('location')!);
    expect(back.pathname).toBe(returnTo());
    expect(back.searchParams.get('key')).toBe(form.upload.fields.key);
    expect((await list()).map((f) => f.id)).not.toContain(form.fileId);
    const confirmed = await expectJson<{ file: FileView }>(await confirm(stack, owner, actionId, form.fileId));
    // A folder in the name is dropped: only its last part is kept.
    expect(confirmed.file).toMatchObject({ id: form.fileId, filename: 'Plan – père.pdf', kind: 'PDF', status: 'clean' });
    expect((await expectProblem(await confirm(stack, owner, actionId, form.fileId), 409)).detail).toMatch(/already been received/);
    expect((await list()).filter((f) => f.id === form.fileId)).toHaveLength(1);
  });

  it('names a file sent without a name by its type and the day', async () => {
    const form = await uploadForm(stack, owner, actionId, returnTo());
    await postForm(form, pdfBytes('no name'));
    const confirmed = await expectJson<{ file: FileView }>(await confirm(stack, owner, actionId, form.fileId));
    expect(confirmed.file.filename).toMatch(/^PDF added \d{1,2} [A-Z][a-z]+ \d{4}$/);
  });

  it('refuses a renamed program, an empty file and a 21 MB file on confirmation, keeping neither object nor record', async () => {
    for (const [bytes, status] of [
      [exeBytes(), 415],
      [Buffer.alloc(0), 400],
      [Buffer.concat([pdfBytes(), Buffer.alloc(21 * 1024 * 1024)]), 413],
    ] as const) {
      const form = await uploadForm(stack, owner, actionId, returnTo());
      await postForm(form, bytes, 'report.pdf');
      await expectProblem(await confirm(stack, owner, actionId, form.fileId), status);
      expect(await keyOf(form.fileId)).toEqual([]);
      expect((await list()).map((f) => f.id)).not.toContain(form.fileId);
      await expectProblem(await confirm(stack, owner, actionId, form.fileId), 404);
    }
  });

  it('lets only one of two racing confirmations of a form upload through', async () => {
    const form = await uploadForm(stack, owner, actionId, returnTo());
    await postForm(form, pdfBytes('race'), 'race.pdf');
    const answers = await Promise.all([confirm(stack, owner, actionId, form.fileId), confirm(stack, owner, actionId, form.fileId)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await list()).filter((f) => f.id === form.fileId)).toHaveLength(1);
  });

  it('answers a file id nothing was uploaded to with 404, and refuses a return address that is not a portal path (400)', async () => {
    const form = await uploadForm(stack, owner, actionId, returnTo());
    await expectProblem(await confirm(stack, owner, actionId, form.fileId), 404);
    for (const bad of ['https://elsewhere.example/x', '//elsewhere.example/x', 'actions/x', '/a b', `/${'x'.repeat(400)}`]) {
      const problem = await expectProblem(await stack.api(owner, `/v1/actions/${actionId}/files/upload-form`, jsonInit('POST', { returnTo: bad })), 400);
      expect(problem.errors?.[0]?.path).toBe('returnTo');
    }
  });

  it('signs a reflection’s form only for its author (403 for another reader)', async () => {
    const created = await expectJson<{ id: string }>(await stack.api(student, `/v1/audits/${auditId}/reflections`, jsonInit('POST', { text: 'Another reflection' })), 201);
    const reflection = `/v1/audits/${auditId}/reflections/${created.id}`;
    await expectProblem(await stack.api(nv('manager'), `${reflection}/files/upload-form`, jsonInit('POST', { returnTo: '/x' })), 403);
    expect((await uploadForm(stack, student, reflection, '/x')).upload.fields.key).toContain(`/reflections/${created.id}/`);
  });
});
