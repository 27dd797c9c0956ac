/**
 * `/v1/imports` over HTTP, with the file going to the local S3-compatible server through the
 * presigned POST and the import job running in the API's process: the preview's problems,
 * nothing written before accepting, the import, re-importing the same file, and files that
 * cannot be imported. (Resuming after a crash part-way is `functions/src/imports/import-work.test.ts`,
 * which stops the job between a chunk's writes and its checkpoint.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv } from './api-client.ts';
import { acceptAndWait, settled, startImport, uploadAndCheck, uploadTo } from './imports-support.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const QA = nv('qa');
const CASES = { kind: 'cases', source: 'liquidlogic-lcs', format: 'csv' } as const;
const HEADER = 'Person ID,Allocated Team,Category,Allocated Worker Email,Episode Start Date,Episode End Date\n';
const good = (n: number, prefix = 'IMP') =>
  Array.from({ length: n }, (_, i) => `${prefix}-${i + 1},${i % 2 ? 'Assessment' : 'early-help'},${i % 2 ? 'CIN' : 'Early Help'},${i % 3 ? '' : 'practitioner@northvale.example'},0${(i % 9) + 1}/03/2024,${i % 5 === 0 ? '01/09/2025' : ''}`).join('\n');

describe('importing cases', () => {
  it('lists each row’s problems before anything is written, imports the rest once accepted, and a second import of the same file changes nothing', async () => {
    const file = `${HEADER}${good(30)}\nIMP-1,Assessment,CIN,,,\nIMP-BAD,Nowhere,CIN,,,\nIMP-F,Assessment,CIN,,01/01/2999,\n=HYPERLINK(1),Assessment,CIN,,,\n`;
    const checked = await uploadAndCheck(stack, QA, CASES, file);
    expect(checked).toMatchObject({ status: 'checked', rowsTotal: 34, rowsWithProblems: 4, mapping: { ref: 'Person ID', team: 'Allocated Team', caseType: 'Category', holder: 'Allocated Worker Email' } });
    const problems = await expectJson<{ items: { row: number; column: string; message: string }[] }>(await stack.api(QA, `/v1/imports/${checked.id}/problems`));
    expect(problems.items.map((p) => `${p.row} ${p.column}`)).toEqual(['32 Person ID', '33 Allocated Team', '34 Episode Start Date', '35 Person ID']);
    expect(problems.items[0]!.message).toMatch(/also on row 2/);
    // Nothing is written until the preview is accepted.
    await expectProblem(await stack.api(QA, '/v1/cases/IMP-1'), 404);

    const done = await acceptAndWait(stack, QA, checked.id);
    expect(done).toMatchObject({ status: 'done', rowsDone: 34, counts: { created: 30, updated: 0, unchanged: 0, refused: 4 } });
    const closed = await expectJson<{ status: string; closedOn: string; holderId: string }>(await stack.api(QA, '/v1/cases/IMP-1'));
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2025-09-01', holderId: 'nv-practitioner' });

    const csv = await stack.api(QA, `/v1/imports/${checked.id}/refused.csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('Row,Reference,Column,Reason');
    // A formula-looking cell is escaped, never left for a spreadsheet to run.
    expect(text).toContain("'=HYPERLINK(1)");
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);

    const again = await uploadAndCheck(stack, QA, CASES, file);
    const second = await acceptAndWait(stack, QA, again.id);
    expect(second.counts).toEqual({ created: 0, updated: 0, unchanged: 30, refused: 4 });
    expect((await expectJson<{ version: number }>(await stack.api(QA, '/v1/cases/IMP-2'))).version).toBe(1);
  });

  it('keeps the columns chosen for the next file from the same source, and checks again with a new mapping', async () => {
    const file = `Ref,Team name,Type\nMAP-1,Assessment,CIN\nMAP-2,Assessment,CP\n`;
    const first = await uploadAndCheck(stack, QA, { ...CASES, source: 'eclipse' }, file, { ref: 'Ref', team: 'Team name', caseType: 'Ref' });
    expect(first.rowsWithProblems).toBe(2);
    await expectJson(await stack.api(QA, `/v1/imports/${first.id}/mapping`, jsonInit('PUT', { mapping: { ref: 'Ref', team: 'Team name', caseType: 'Type' } })));
    const fixed = await settled(stack, QA, first.id);
    expect(fixed).toMatchObject({ status: 'checked', rowsWithProblems: 0, attempt: 2 });
    expect((await expectJson<{ items: unknown[] }>(await stack.api(QA, `/v1/imports/${first.id}/problems`))).items).toEqual([]);
    const next = await startImport(stack, QA, { ...CASES, source: 'eclipse' });
    await uploadTo(next.upload!, file);
    await expectJson(await stack.api(QA, `/v1/imports/${next.id}/uploaded`, { method: 'POST' }));
    expect((await settled(stack, QA, next.id)).mapping).toEqual({ ref: 'Ref', team: 'Team name', caseType: 'Type' });
  });

  it('refuses a mapping that names a column the file does not have, or leaves out a required field', async () => {
    const checked = await uploadAndCheck(stack, QA, CASES, `${HEADER}M-1,Assessment,CIN,,,\n`);
    const problem = await expectProblem(await stack.api(QA, `/v1/imports/${checked.id}/mapping`, jsonInit('PUT', { mapping: { ref: 'Nope', team: 'Allocated Team' } })), 400);
    expect(JSON.stringify(problem)).toMatch(/no column called “Nope”/);
    expect((await expectJson<{ status: string; attempt: number }>(await stack.api(QA, `/v1/imports/${checked.id}`))).status).toBe('checked');
  });

  it('lets QA officers and senior managers import cases, and tells anyone else there is no such import', async () => {
    const created = await startImport(stack, QA, CASES);
    for (const role of ['practitioner', 'manager', 'student', 'admin'] as const) {
      await expectProblem(await stack.api(nv(role), `/v1/imports/${created.id}`), 404);
      await expectProblem(await stack.api(nv(role), '/v1/imports', jsonInit('POST', CASES)), 403);
    }
    await expectJson(await stack.api(nv('senior'), `/v1/imports/${created.id}`));
    await expectProblem(await stack.api(QA, `/v1/imports/${created.id}/uploaded`, { method: 'POST' }), 409);
  });
});

describe('files that cannot be imported', () => {
  const refusedWith = async (content: string | Buffer, format: 'csv' | 'xlsx' = 'csv') => {
    const record = await uploadAndCheck(stack, QA, { ...CASES, format }, content);
    expect(record.status).toBe('refused');
    // Nothing was written: no cases, and no way on but a new import.
    await expectProblem(await stack.api(QA, `/v1/imports/${record.id}/accept`, { method: 'POST' }), 409);
    return record.fileProblem;
  };

  it('says in plain words what is wrong with the whole file', async () => {
    expect(await refusedWith(Buffer.from(`${HEADER}W-1,Caf\xe9,CIN,,,\n`, 'latin1'))).toMatch(/not in UTF-8/);
    expect(await refusedWith(`${Array.from({ length: 50_000 }, (_, i) => `Column ${i}`).join(',')}\n`)).toMatch(/thousands of columns/);
    expect(await refusedWith(Buffer.alloc(60 * 1024 * 1024 + 10, 0x41))).toMatch(/60 MB/);
    expect(await refusedWith(HEADER, 'xlsx')).toMatch(/not an Excel/);
  });

  it('never opens a ZIP bomb disguised as an Excel file', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(64 * 1024 * 1024, 0x20));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusedWith(bomb, 'xlsx')).toMatch(/ZIP bomb/);
  });

  it('reads a real Excel export, and refuses formula cells row by row', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Export');
    sheet.addRow(['Person ID', 'Allocated Team', 'Category', 'Episode Start Date']);
    sheet.addRow(['XL-1', 'Assessment', 'CP', new Date(Date.UTC(2024, 2, 4))]);
    sheet.addRow(['XL-2', { formula: 'CONCAT("Assess","ment")', result: 'Assessment' }, 'CIN', new Date(Date.UTC(2024, 2, 5))]);
    const checked = await uploadAndCheck(stack, QA, { ...CASES, format: 'xlsx' }, Buffer.from(await book.xlsx.writeBuffer()));
    expect(checked, JSON.stringify(checked)).toMatchObject({ status: 'checked', rowsTotal: 2, rowsWithProblems: 1 });
    const problems = await expectJson<{ items: { row: number; message: string }[] }>(await stack.api(QA, `/v1/imports/${checked.id}/problems`));
    expect(problems.items[0]).toMatchObject({ row: 3, message: expect.stringMatching(/formula/) });
    const done = await acceptAndWait(stack, QA, checked.id);
    expect(done.counts).toMatchObject({ created: 1, refused: 1 });
    expect(await expectJson(await stack.api(QA, '/v1/cases/XL-1'))).toMatchObject({ openedOn: '2024-03-04', caseType: 'child-protection' });
  });
});
