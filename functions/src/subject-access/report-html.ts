/**
 * The building blocks of an export's HTML report: one self-contained page (its own styles, no
 * scripts, nothing from another address) with a language, a title, headings in order, tables
 * with captions and header cells, readable on a phone and printed on paper.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text from the records is always escaped: an answer can say anything. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Text with its line breaks kept. */
export function paragraphs(text: string | undefined): string {
  if (!text) return '<p>None</p>';
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** A list of facts: label and value, the values already HTML. */
export function summaryList(rows: readonly (readonly [string, string])[]): string {
  const body = rows.map(([label, value]) => `<div class="row"><dt>${escapeHtml(label)}</dt><dd>${value}</dd></div>`).join('');
  return `<dl class="summary">${body}</dl>`;
}

/** A table with a caption and column headers; cells already HTML. */
export function table(caption: string, headers: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return `<p>${escapeHtml(caption)}: none.</p>`;
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((cell, i) => (i === 0 ? `<th scope="row">${cell}</th>` : `<td>${cell}</td>`)).join('')}</tr>`).join('');
  return `<div class="table-wrap"><table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

const STYLES = `
body{font-family:Arial,Helvetica,sans-serif;font-size:1.1875rem;line-height:1.5;color:#0b0c0c;margin:0;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:2rem;line-height:1.2}h2{font-size:1.5rem;margin-top:2.5rem;border-top:2px solid #b1b4b6;padding-top:1rem}h3{font-size:1.25rem;margin-top:2rem}
.summary{margin:0 0 1.5rem}.summary .row{display:flex;flex-wrap:wrap;border-bottom:1px solid #b1b4b6;padding:.5rem 0}
.summary dt{font-weight:700;flex:0 0 16rem;max-width:100%}.summary dd{margin:0;flex:1 1 16rem;overflow-wrap:anywhere}
.table-wrap{overflow-x:auto}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}caption{text-align:left;font-weight:700;padding:.5rem 0}
th,td{text-align:left;vertical-align:top;border-bottom:1px solid #b1b4b6;padding:.5rem .75rem .5rem 0;overflow-wrap:anywhere}
.notice{border-left:6px solid #1d70b8;padding:.5rem 1rem;background:#f3f2f1}
@media print{body{font-size:11pt}h2{break-before:auto}a{color:#0b0c0c}}
`;

/** The whole page. */
export function reportPage(options: { title: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
${options.body}
</main>
</body>
</html>
`;
}
