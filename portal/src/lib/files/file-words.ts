/** What the portal says about evidence files: sizes, statuses and why an upload was refused. */
import type { EvidenceFile } from './file-api.server.ts';

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const FILE_STATUS_WORDS: Record<EvidenceFile['status'], string> = {
  uploading: 'Not received yet',
  checking: 'Being checked',
  clean: 'Ready',
  threat: 'Removed: a virus check found a problem',
};

/** Why a file was refused, by the API's status, in words for the person who chose it. */
export const FILE_PROBLEMS = {
  empty: 'The file is empty. Choose a file with something in it.',
  'too-big': 'The file is larger than 20 MB. Choose a smaller file, or save a smaller copy.',
  type: 'Waypoint can keep PDFs, images (PNG, JPEG, GIF, WebP, HEIC) and Office documents (Word, Excel, PowerPoint, OpenDocument). Choose one of those.',
  missing: 'The file did not arrive. Choose the file and upload it again.',
  checking: 'That file is still being checked. Try again in a minute.',
  removed: 'That file was removed because a virus check found a problem.',
  name: 'Give the file’s own name, without any folder.',
} as const;
export type FileProblem = keyof typeof FILE_PROBLEMS;

export function isFileProblem(value: string | null): value is FileProblem {
  return value !== null && Object.hasOwn(FILE_PROBLEMS, value);
}

export function problemFromStatus(status: number, detail = ''): FileProblem {
  if (status === 413) return 'too-big';
  if (status === 415) return 'type';
  if (status === 410) return 'removed';
  if (status === 400) return /empty/i.test(detail) ? 'empty' : 'name';
  return /checked/i.test(detail) ? 'checking' : 'missing';
}
