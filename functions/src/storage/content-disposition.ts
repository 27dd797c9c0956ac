/**
 * A download's Content-Disposition. The name a person gave a file is never put in a header as
 * it came: the `filename*=` parameter carries it percent-encoded (RFC 5987/6266), and the plain
 * `filename=` fallback keeps only safe ASCII. Any folder part is dropped.
 */

/** The last part of a path typed on any system, without control characters. */
export function baseName(filename: string): string {
  // eslint-disable-next-line no-control-regex
  const withoutControls = filename.replace(/[\u0000-\u001f\u007f]/g, '');
  const last = withoutControls.split(/[\\/]/).pop() ?? '';
  return last.trim().replace(/^\.+/, '').slice(0, 200);
}

/** RFC 5987 `attr-char` encoding: everything else as UTF-8 percent-escapes. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(filename: string, fallback = 'file'): string {
  const name = baseName(filename) || fallback;
  const ascii = name.replace(/[^A-Za-z0-9._ -]/g, '_').replace(/\s+/g, ' ') || fallback;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
