/** What starting an upload takes: the file's own name (no folders) and its size. */
import * as v from 'valibot';

/** A name as typed on any system: no folders, no control characters, not only dots. */
// eslint-disable-next-line no-control-regex
const PLAIN_NAME = /^(?!\.+$)[^/\\\u0000-\u001f\u007f]{1,200}$/;

export const StartUploadBody = v.strictObject({
  filename: v.pipe(v.string(), v.trim(), v.regex(PLAIN_NAME, 'Give the file’s own name, without any folder (no / or \\)')),
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
