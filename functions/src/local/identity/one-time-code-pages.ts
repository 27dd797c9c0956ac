/**
 * The second sign-in step's pages: asking for the code from the person's authenticator app, and
 * setting one up (a QR code, the key as text for those who cannot scan, then a code to prove it
 * works). Server-rendered, no JavaScript; an error is summarised at the top and given at the field.
 */
import { escapeHtml, renderPage } from './page-layout.ts';

export const CODE_TITLE = 'Enter your sign-in code – Waypoint';
export const ENROL_TITLE = 'Set up your authenticator app – Waypoint';
export const CODE_LABEL = 'Code';
/** The hidden field saying which step a post is: `code` or `enrol`. */
export const STEP_FIELD = 'step';

export type CodeProblem = 'missing' | 'wrong';

export const CODE_PROBLEM_MESSAGES: Record<CodeProblem, string> = {
  missing: 'Enter the 6-digit code from your authenticator app',
  wrong: 'That code is not right. Enter the 6-digit code your app shows now',
};

function errorSummary(problem: CodeProblem | undefined): string {
  if (!problem) return '';
  return `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">There is a problem</h2>
<ul><li><a href="#code">${CODE_PROBLEM_MESSAGES[problem]}</a></li></ul>
</div>`;
}

function codeForm(action: string, step: 'code' | 'enrol', problem: CodeProblem | undefined, button: string): string {
  const describedBy = problem ? 'code-hint code-error' : 'code-hint';
  const error = problem ? `<p id="code-error" class="error-message"><span class="visually-hidden">Error:</span> ${CODE_PROBLEM_MESSAGES[problem]}</p>\n` : '';
  return `<form method="post" action="${escapeHtml(action)}" novalidate>
<input type="hidden" name="${STEP_FIELD}" value="${step}">
<div class="field">
<label for="code">${CODE_LABEL}</label>
<p id="code-hint" class="hint">The 6 digits your authenticator app shows for Waypoint. A new code comes every 30 seconds.</p>
${error}<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" spellcheck="false" maxlength="9" class="code-input" aria-describedby="${describedBy}"${problem ? ' aria-invalid="true"' : ''}>
</div>
<button type="submit">${button}</button>
</form>`;
}

const title = (base: string, problem: CodeProblem | undefined) => (problem ? `Error: ${base}` : base);

/** Every later sign-in with a password: the code from the app. */
export function renderCodePage(options: { action: string; problem?: CodeProblem }): string {
  const mainHtml = `<h1>Enter your sign-in code</h1>
${errorSummary(options.problem)}
<p>Open the authenticator app on your phone and enter the code it shows for Waypoint.</p>
${codeForm(options.action, 'code', options.problem, 'Continue')}`;
  return renderPage({ title: title(CODE_TITLE, options.problem), mainHtml });
}

/** The first sign-in with a password: set up an app, then prove it with a code. */
export function renderEnrolPage(options: { action: string; secret: string; qrCode: string; problem?: CodeProblem }): string {
  const mainHtml = `<h1>Set up your authenticator app</h1>
${errorSummary(options.problem)}
<p>Waypoint holds records about children, so each time you sign in with a password it also asks for a code from an app on your phone. You only set this up once.</p>
<ol class="steps">
<li>Install an authenticator app on your phone if you do not have one, for example Microsoft Authenticator or Google Authenticator.</li>
<li>In the app, add an account and scan this QR code:
<div class="qr-code">${options.qrCode}</div></li>
<li>If you cannot scan it, choose to type a key instead and enter this key:
<p class="secret" id="totp-secret">${escapeHtml(options.secret)}</p></li>
<li>Enter the code the app now shows for Waypoint.</li>
</ol>
${codeForm(options.action, 'enrol', options.problem, 'Finish setting up')}`;
  return renderPage({ title: title(ENROL_TITLE, options.problem), mainHtml });
}
