/**
 * Which files may be attached as evidence, told from their content (file-type reads the first
 * bytes and, for Office files, the zip's contents), never from the name or the browser's claim.
 */
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Detected type → the MIME type we store and serve it as, and what people call it. */
export const FILE_KINDS: Record<string, { mime: string; label: string }> = {
  pdf: { mime: 'application/pdf', label: 'PDF' },
  png: { mime: 'image/png', label: 'PNG image' },
  jpg: { mime: 'image/jpeg', label: 'JPEG image' },
  gif: { mime: 'image/gif', label: 'GIF image' },
  webp: { mime: 'image/webp', label: 'WebP image' },
  heic: { mime: 'image/heic', label: 'HEIC image' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word document' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel workbook' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'PowerPoint presentation' },
  // Word 97-2003, Excel 97-2003 and PowerPoint 97-2003 share one container format.
  cfb: { mime: 'application/x-cfb', label: 'Office 97-2003 document' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', label: 'OpenDocument text' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', label: 'OpenDocument spreadsheet' },
};

export const ACCEPTED_DESCRIPTION = 'a PDF, an image (PNG, JPEG, GIF, WebP, HEIC) or an Office document (Word, Excel, PowerPoint, OpenDocument)';

/** file-type's name in the infra's `FILE_TYPE_MODULE`: the API function carries it beside its bundle. */
export const FILE_TYPE_MODULE = 'file-type.mjs';

/**
 * file-type is loaded on first use, and in the API function from its own file beside the
 * bundle (written at build time): the specifier is not a literal, so the bundle (whose size and
 * cold start are budgeted) leaves its 70 KB out.
 */
function loadFileType(): Promise<typeof import('file-type')> {
  const root = process.env.LAMBDA_TASK_ROOT;
  const specifier = root ? pathToFileURL(join(root, FILE_TYPE_MODULE)).href : ['file', 'type'].join('-');
  return import(specifier) as Promise<typeof import('file-type')>;
}

/**
 * The kind of a stored file from its content, or undefined when it is none we accept. The whole
 * file (at most 20 MB, checked before) is read: an Office file is a zip told apart by what is
 * inside it.
 */
export async function detectKind(content: Readable): Promise<{ ext: string; mime: string; label: string } | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of content) {
    const piece = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += piece.length;
    if (size > MAX_FILE_BYTES) return undefined;
    chunks.push(piece);
  }
  const { fileTypeFromBuffer } = await loadFileType();
  const found = await fileTypeFromBuffer(Buffer.concat(chunks));
  const kind = found && FILE_KINDS[found.ext];
  return kind ? { ext: found.ext, ...kind } : undefined;
}
