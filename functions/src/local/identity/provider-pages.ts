/**
 * Waypoint-styled replacements for oidc-provider's built-in pages (sign-out confirmation,
 * signed-out, error), which would otherwise load web fonts and say nothing useful.
 */
import type { ProviderContext } from 'oidc-provider';
import { PAGE_HEADERS, renderNoticePage, renderPage } from './page-layout.ts';

function send(ctx: ProviderContext, html: string): void {
  for (const [name, value] of Object.entries(PAGE_HEADERS)) ctx.set(name, value);
  ctx.type = 'html';
  ctx.body = html;
}

/** `form` is oidc-provider's own hidden form (with its anti-forgery token); the buttons submit it. */
export async function logoutSource(ctx: ProviderContext, form: string): Promise<void> {
  send(
    ctx,
    renderPage({
      title: 'Sign out – Waypoint',
      mainHtml: `<h1>Do you want to sign out of Waypoint?</h1>
${form}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>
<button type="submit" form="op.logoutForm" class="secondary">No, stay signed in</button>
</div>`,
    }),
  );
}

export async function postLogoutSuccessSource(ctx: ProviderContext): Promise<void> {
  send(ctx, renderNoticePage({ title: 'You have signed out – Waypoint', heading: 'You have signed out', paragraphs: ['You can close this window.'] }));
}

/** Shows the OAuth error code and description (escaped); never a stack or internal detail. */
export async function renderError(ctx: ProviderContext, out: { error?: string; error_description?: string }): Promise<void> {
  const description = out.error_description ?? 'The sign-in request could not be completed.';
  send(
    ctx,
    renderNoticePage({
      title: 'Sorry, there is a problem – Waypoint',
      heading: 'Sorry, there is a problem',
      paragraphs: [description, 'Go back to Waypoint and try signing in again.', `Error code: ${out.error ?? 'server_error'}`],
    }),
  );
}
