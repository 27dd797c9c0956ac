/**
 * The API reference as one server-rendered, self-contained HTML page, generated from the
 * OpenAPI document: no scripts, no external assets, headings per route, tables with captions.
 */
import { createHash } from 'node:crypto';
import type { JsonSchema } from './json-schemas.ts';
import type { OpenApiDocument } from './openapi-document.ts';
import { fieldsOf, refName, summarise, type Field } from './schema-summary.ts';

interface Operation {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  parameters?: ({ name: string; in: string; required: boolean; description?: string; schema: JsonSchema } | { $ref: string })[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema: JsonSchema }>; $ref?: string }>;
}

const STYLE = `
body{font:1rem/1.5 system-ui,sans-serif;margin:0;color:#0b0c0c;background:#fff}
main,header{max-width:60rem;margin:0 auto;padding:0 1rem}
header{border-bottom:.5rem solid #1d70b8;padding-block:1rem}
.skip{position:absolute;left:-999em}.skip:focus{left:1rem;top:1rem;background:#fd0;padding:.5rem}
a{color:#1d70b8}a:focus,.skip:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
h2{margin-top:3rem;border-bottom:1px solid #b1b4b6}h3{margin-top:2rem}
code{font-family:ui-monospace,monospace;background:#f3f2f1;padding:0 .2em;overflow-wrap:anywhere}
.method{display:inline-block;min-width:4.5em;font-family:ui-monospace,monospace;background:#0b0c0c;color:#fff;padding:0 .4em;margin-right:.4em}
table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:700}
th,td{border-bottom:1px solid #b1b4b6;text-align:left;vertical-align:top;padding:.4rem .6rem .4rem 0}
@media print{.skip,nav{display:none}a{color:inherit}}
`;

export const REFERENCE_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** Escapes text, then renders `code` spans and [[Schema]] links. */
function inline(text: string): string {
  return text
    .split('`')
    .map((part, index) => (index % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part).replace(/\[\[([A-Za-z0-9]+)\]\]/g, '<a href="#schema-$1">$1</a>')))
    .join('');
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${inline(p)}</p>`)
    .join('\n');
}

function fieldTable(caption: string, fields: Field[]): string {
  if (!fields.length) return '';
  const rows = fields.map((f) => `<tr><td><code>${escapeHtml(f.name)}</code></td><td>${inline(f.type)}</td><td>${f.required ? 'Yes' : 'No'}</td><td>${f.description ? inline(f.description) : ''}</td></tr>`);
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Notes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function parameterTable(op: Operation, doc: OpenApiDocument): string {
  const resolved = (op.parameters ?? []).map((p) => ('$ref' in p ? (doc.components.parameters as Record<string, { name: string; in: string; required: boolean; description?: string; schema: JsonSchema }>)[p.$ref.split('/').pop()!]! : p));
  if (!resolved.length) return '';
  const rows = resolved.map((p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${inline(summarise(p.schema))}</td><td>${p.required ? 'Yes' : 'No'}</td><td>${p.description ? inline(p.description) : ''}</td></tr>`);
  return `<table><caption>Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Notes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function bodySection(op: Operation): string {
  const schema = op.requestBody?.content['application/json']?.schema;
  if (!schema) return '';
  return `<h4>Request body</h4><p>JSON. Fields not listed here are refused.</p>${fieldTable('Request body fields', fieldsOf(schema))}`;
}

/** The success answer in a sentence; failures are listed once, in the Errors section, and linked. */
function responseSection(op: Operation): string {
  const entries = Object.entries(op.responses);
  const successes = entries.filter(([status]) => Number(status) < 400);
  const failures = entries.filter(([status]) => Number(status) >= 400).map(([status]) => `<a href="#status-${status}">${status}</a>`);
  const lines = successes.map(([status, response]) => {
    const [type, media] = Object.entries(response.content ?? {})[0] ?? [];
    const name = media ? refName(media.schema) : undefined;
    const shape = !media
      ? ''
      : name
        ? `: [[${name}]]`
        : fieldsOf(media.schema).length
          ? `: ${fieldsOf(media.schema)
              .map((f) => `\`${f.name}\` (${f.type})`)
              .join(', ')}`
          : '';
    return `<p><strong>${escapeHtml(status)}</strong> ${escapeHtml(response.description ?? '')}${type ? ` (<code>${escapeHtml(type)}</code>)` : ''}${inline(shape)}</p>`;
  });
  return `<h4>Responses</h4>${lines.join('')}${failures.length ? `<p>Can fail with ${failures.join(', ')}.</p>` : ''}`;
}

function errorsSection(doc: OpenApiDocument): string {
  const responses = doc.components.responses as Record<string, { description: string }>;
  const rows = Object.entries(responses).map(([name, r]) => {
    const status = name.replace('Problem', '');
    return `<tr><th scope="row" id="status-${status}">${status}</th><td>${escapeHtml(r.description)}</td></tr>`;
  });
  return `<section aria-labelledby="errors"><h2 id="errors">Errors</h2><p>Every failure is <code>application/problem+json</code> with <code>type</code>, <code>title</code>, <code>status</code> and <code>detail</code>; validation failures add <code>errors</code>, each a <code>path</code> and a <code>message</code> (see <a href="#schema-Problem">Problem</a>).</p>
<table><caption>Error statuses</caption><thead><tr><th scope="col">Status</th><th scope="col">Meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function operationSection(path: string, method: string, op: Operation, doc: OpenApiDocument): string {
  // Plain sections: only the tag groups are landmarks, so landmark names stay few and unique.
  return `<section>
<h3 id="${op.operationId}"><span class="method">${method.toUpperCase()}</span><code>${escapeHtml(path)}</code></h3>
<p><strong>${escapeHtml(op.summary)}</strong></p>
${paragraphs(op.description)}
${parameterTable(op, doc)}
${bodySection(op)}
${responseSection(op)}
</section>`;
}

export function renderReferencePage(doc: OpenApiDocument): string {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Operation })));
  const byTag = doc.tags.map((tag) => ({ tag, ops: operations.filter((o) => o.op.tags.includes(tag.name)) }));
  const contents = byTag.map(({ tag, ops }) => `<li><a href="#tag-${tag.name}">${escapeHtml(tag.name)}</a><ul>${ops.map((o) => `<li><a href="#${o.op.operationId}">${o.method.toUpperCase()} ${escapeHtml(o.path)}</a></li>`).join('')}</ul></li>`).join('');
  const sections = byTag
    .map(({ tag, ops }) => `<section aria-labelledby="tag-${tag.name}"><h2 id="tag-${tag.name}">${escapeHtml(tag.name)}</h2><p>${escapeHtml(tag.description)}</p>${ops.map((o) => operationSection(o.path, o.method, o.op, doc)).join('\n')}</section>`)
    .join('\n');
  const schemas = Object.entries(doc.components.schemas)
    .map(([name, schema]) => `<section><h3 id="schema-${name}">${escapeHtml(name)}</h3>${typeof schema === 'object' && schema.description ? paragraphs(schema.description) : ''}${fieldTable(`${name} fields`, fieldsOf(schema))}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference – Waypoint</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header><p><strong>Waypoint</strong> developer documentation</p></header>
<main id="main">
<h1>${escapeHtml(doc.info.title)} reference</h1>
${paragraphs(doc.info.description)}
<p>The machine-readable form is <a href="/v1/openapi.json">the OpenAPI 3.1 document</a>.</p>
<nav aria-labelledby="contents"><h2 id="contents">Contents</h2><ul>${contents}<li><a href="#errors">Errors</a></li><li><a href="#schemas">Schemas</a></li></ul></nav>
${sections}
${errorsSection(doc)}
<section aria-labelledby="schemas"><h2 id="schemas">Schemas</h2>${schemas}</section>
</main>
</body>
</html>
`;
}
