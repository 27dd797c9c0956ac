/**
 * Waypoint's own sign-in page for the local identity provider: server-rendered, works
 * without JavaScript, and after a failed attempt shows an error summary that never says
 * whether the email address or the password was wrong.
 */
import { escapeHtml, renderPage } from './page-layout.ts';

export const SIGN_IN_TITLE = 'Sign in – Waypoint';
export const SIGN_IN_FAILED_MESSAGE = 'Enter a correct email address and password';

export interface SignInPageOptions {
  /** Where the form posts: the interaction's own URL, which its cookie is bound to. */
  action: string;
  /** The email address typed last time, kept so it need not be typed again. */
  email?: string;
  failed?: boolean;
  /** Another service's page (the local stand-in for a council's provider): its name, heading and a line under it. */
  siteName?: string;
  heading?: string;
  intro?: string;
}

export function renderSignInPage(options: SignInPageOptions): string {
  const failed = options.failed === true;
  // One message describes both fields, so both inputs point at it.
  const invalidAttributes = failed ? ' aria-invalid="true" aria-describedby="sign-in-error"' : '';
  const errorSummary = failed
    ? `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">There is a problem</h2>
<ul><li><a href="#email">${SIGN_IN_FAILED_MESSAGE}</a></li></ul>
</div>`
    : '';
  const errorMessage = failed ? `<p id="sign-in-error" class="error-message"><span class="visually-hidden">Error:</span> ${SIGN_IN_FAILED_MESSAGE}</p>` : '';
  const intro = options.intro ? `<p>${escapeHtml(options.intro)}</p>\n` : '';
  const mainHtml = `<h1>${escapeHtml(options.heading ?? 'Sign in to Waypoint')}</h1>
${intro}${errorSummary}
<form method="post" action="${escapeHtml(options.action)}" novalidate>
${errorMessage}
<div class="field">
<label for="email">Email address</label>
<input id="email" name="email" type="email" autocomplete="username" spellcheck="false" required value="${escapeHtml(options.email ?? '')}"${invalidAttributes}>
</div>
<div class="field">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalidAttributes}>
</div>
<button type="submit">Sign in</button>
</form>`;
  const title = options.heading ? `${options.heading} – ${options.siteName ?? 'Waypoint'}` : SIGN_IN_TITLE;
  return renderPage({ title: failed ? `Error: ${title}` : title, mainHtml, siteName: options.siteName });
}
