/** What starting an upload takes: the file's own name (no folders) and its size. */
import * as v from 'valibot';
import { baseName } from '../storage/content-disposition.ts';

/** A name as typed on any system: no folders, no control characters, not only dots. */
// eslint-disable-next-line no-control-regex
const PLAIN_NAME = /^(?!\.+$)[^/\\\u0000-\u001f\u007f]{1,200}$/;

export const StartUploadBody = v.strictObject({
  filename: v.pipe(v.string(), v.trim(), v.regex(PLAIN_NAME, 'Give the file’s own name, without any folder (no / or \\)')),
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/**
 * Where the storage service sends the browser after a form upload: a path of the portal (the
 * API puts its own portal address in front), never another site.
 */
export const UploadFormBody = v.strictObject({
  returnTo: v.pipe(v.string(), v.regex(/^\/(?!\/)[A-Za-z0-9._~/-]{0,300}$/, 'Give a path of the portal, starting with /')),
});

/** The name a form upload carries (percent-encoded by the page) as the object's `filename` metadata. */
export const FILENAME_METADATA = 'filename';

/** A name as the upload form sent it: percent-decoded when it can be, its last part only, no control characters; '' when none is left. */
export function nameFromForm(raw: string | undefined): string {
  if (!raw) return '';
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // Not percent-encoded (typed by hand): taken as it is.
  }
  return baseName(name);
}
