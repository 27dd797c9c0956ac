import { describe, expect, it } from 'vitest';
import { escapeHtml } from './page-layout.ts';
import { SIGN_IN_FAILED_MESSAGE, renderSignInPage } from './sign-in-page.ts';

describe('renderSignInPage', () => {
  it('shows no error summary and marks no field invalid before a failed attempt', () => {
    const html = renderSignInPage({ action: '/interaction/abc' });
    expect(html).toContain('<title>Sign in – Waypoint</title>');
    expect(html).not.toContain('role="alert"');
    expect(html).not.toContain('aria-invalid="true"');
    expect(html).toContain('<form method="post" action="/interaction/abc" novalidate>');
  });

  it('after a failed attempt links the summary to the email field and describes both fields with one message', () => {
    const html = renderSignInPage({ action: '/interaction/abc', email: 'a@example.org', failed: true });
    expect(html).toContain('<title>Error: Sign in – Waypoint</title>');
    expect(html).toContain(`<a href="#email">${SIGN_IN_FAILED_MESSAGE}</a>`);
    expect(html).toContain('<p id="sign-in-error" class="error-message"><span class="visually-hidden">Error:</span>');
    expect(html.match(/aria-describedby="sign-in-error"/g)).toHaveLength(2);
  });

  it('escapes the email address and the form action it renders', () => {
    const html = renderSignInPage({ action: '/x" onmouseover="y', email: `'"><img src=x onerror=alert(1)>`, failed: true });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('" onmouseover=');
    expect(html).toContain('value="&#39;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(undefined)).toBe('');
  });
});
