/**
 * The HTML shell shared by the local identity provider's pages: one inline stylesheet,
 * a skip link, header and main landmarks, and the security headers every page is sent with.
 */
import { createHash } from 'node:crypto';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML element body or a double- or single-quoted attribute. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

// Colours are GOV.UK Frontend's: text 17:1 and links 5:1 on white, focus yellow with a black bar.
const STYLESHEET = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.1875rem;line-height:1.5;color:#0b0c0c;background:#fff}
a{color:#1d70b8}
a:visited{color:#4c2c92}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #ffdd00;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
a:focus-visible{color:#0b0c0c;background:#ffdd00;text-decoration:none;box-shadow:0 4px #0b0c0c}
.skip-link{position:absolute;left:-9999px;top:0;padding:.5rem 1rem;background:#ffdd00;color:#0b0c0c}
.skip-link:focus{left:0}
.site-header{background:#0b0c0c;color:#fff;padding:.75rem 0}
.site-header p{margin:0 auto;max-width:40rem;padding:0 1rem;font-weight:700;font-size:1.5rem}
main{display:block;max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 1.5rem}
.field{margin-bottom:1.5rem}
label{display:block;font-weight:700;margin-bottom:.25rem}
input{display:block;width:100%;max-width:30rem;font:inherit;padding:.375rem .5rem;border:2px solid #0b0c0c;border-radius:0}
input[aria-invalid=true]{border-color:#b10e1e}
button{font:inherit;font-weight:600;color:#fff;background:#00703c;border:0;border-bottom:3px solid #002d18;padding:.5rem 1rem;cursor:pointer}
button.secondary{color:#0b0c0c;background:#f3f2f1;border-bottom-color:#929191}
button:focus-visible{color:#0b0c0c;background:#ffdd00;border-bottom-color:#0b0c0c;box-shadow:none}
.error-summary{border:5px solid #b10e1e;padding:1rem;margin-bottom:1.5rem}
.error-summary h2{font-size:1.5rem;margin:0 0 .75rem}
.error-summary ul{margin:0;padding:0;list-style:none}
.error-summary a{color:#b10e1e;font-weight:700}
.error-message{color:#b10e1e;font-weight:700;margin:0 0 .75rem}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important}
.actions{display:flex;flex-wrap:wrap;gap:1rem}
.hint{color:#484949;margin:0 0 .5rem}
input.code-input{max-width:10rem;letter-spacing:.1em}
.steps{padding-left:1.5rem}
.steps li{margin-bottom:1rem}
.qr-code{margin:.75rem 0;line-height:0}
.secret{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.25rem;font-weight:700;letter-spacing:.05em;overflow-wrap:anywhere;margin:.5rem 0}
`.trim();

const STYLE_HASH = createHash('sha256').update(STYLESHEET).digest('base64');

/**
 * Headers for every page: nothing may load but the one inline stylesheet, the page cannot
 * be framed, is not cached, and sends no referrer to other sites.
 * (No form-action directive: browsers apply it to the redirect back to the portal.)
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  // Not no-referrer: with it browsers send `Origin: null` on the sign-in POST, which the origin check needs.
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** A complete page; `title` is escaped here, `mainHtml` must already be safe. */
/** `siteName` is the service the page belongs to: Waypoint, or the council whose sign-in the stand-in plays. */
export function renderPage(page: { title: string; mainHtml: string; siteName?: string }): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${STYLESHEET}</style>
</head>
<body>
<a class="skip-link" href="#main-content">Skip to main content</a>
<header class="site-header"><p>${escapeHtml(page.siteName ?? 'Waypoint')}</p></header>
<main id="main-content" tabindex="-1">
${page.mainHtml}
</main>
</body>
</html>
`;
}

/** A page that only says something: a heading and paragraphs of plain text (escaped here). */
export function renderNoticePage(page: { title: string; heading: string; paragraphs: string[]; siteName?: string }): string {
  const paragraphs = page.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n');
  return renderPage({ title: page.title, siteName: page.siteName, mainHtml: `<h1>${escapeHtml(page.heading)}</h1>\n${paragraphs}` });
}
