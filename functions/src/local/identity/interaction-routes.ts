/**
 * The provider's interaction pages: shows the sign-in form, checks the posted password, then
 * asks for a code from the person's authenticator app (setting one up on their first sign-in),
 * and hands the result back to oidc-provider; consent is given automatically. People who sign
 * in through their council's own provider never see these steps: their council checks them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { InteractionDetails } from 'oidc-provider';
import type { AccountDirectory } from './account-directory.ts';
import type { SignInAccount } from './account-store.ts';
import { isCurrentCode, enrolmentQrCode, groupedSecret, newTotpSecret, normaliseCode } from './one-time-codes.ts';
import { renderCodePage, renderEnrolPage, STEP_FIELD, type CodeProblem } from './one-time-code-pages.ts';
import { MAX_CODE_TRIES, type SecondSteps } from './second-step.ts';
import { grantRequestedAccess } from './automatic-consent.ts';
import type { FederatedSignIn } from './federated-sign-in.ts';
import { PAGE_HEADERS, renderNoticePage } from './page-layout.ts';
import { renderSignInPage } from './sign-in-page.ts';

const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]{1,64})$/;
const MAX_FORM_BYTES = 8 * 1024;
const MAX_FIELD_LENGTH = 1024;

export function isInteractionPath(pathname: string): boolean {
  return INTERACTION_PATH.test(pathname);
}

export function sendPage(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...PAGE_HEADERS, ...headers });
  res.end(html);
}

export function sendNotice(res: ServerResponse, status: number, heading: string, paragraphs: string[]): void {
  sendPage(res, status, renderNoticePage({ title: `${heading} – Waypoint`, heading, paragraphs }));
}

export class RequestTooLargeError extends Error {
  constructor() {
    super('Request body too large');
    this.name = 'RequestTooLargeError';
  }
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new RequestTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function formField(form: URLSearchParams, name: string): string {
  return (form.get(name) ?? '').slice(0, MAX_FIELD_LENGTH);
}

/**
 * A cross-site POST carries no interaction cookie (they are SameSite=Lax) and so fails to
 * find the interaction; refusing a foreign Origin as well makes the intent explicit.
 */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${req.headers.host}`;
}

async function finish(options: { provider: Provider; details: InteractionDetails; req: IncomingMessage; res: ServerResponse; userId: string }) {
  const { provider, details, req, res, userId } = options;
  const grantId = await grantRequestedAccess({ provider, details, accountId: userId });
  await provider.interactionFinished(req, res, { login: { accountId: userId }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

interface SignInContext {
  provider: Provider;
  accounts: AccountDirectory;
  secondSteps: SecondSteps;
  details: InteractionDetails;
  req: IncomingMessage;
  res: ServerResponse;
}

/** The password is right: everyone who signs in with one goes on to a code (setting up an app the first time). */
async function askForCode(context: SignInContext, account: SignInAccount, action: string) {
  const enrolSecret = account.totpSecret ? undefined : newTotpSecret();
  context.secondSteps.start(context.details.uid, { email: account.email, userId: account.userId, ...(enrolSecret ? { enrolSecret } : {}) });
  if (!enrolSecret) return sendPage(context.res, 200, renderCodePage({ action }));
  return sendPage(context.res, 200, renderEnrolPage({ action, secret: groupedSecret(enrolSecret), qrCode: await enrolmentQrCode(account.email, enrolSecret) }));
}

async function checkCode(context: SignInContext, form: URLSearchParams, action: string) {
  const { accounts, secondSteps, details, res } = context;
  const pending = secondSteps.get(details.uid);
  // The account is read again: one switched off since the password step gets no further.
  const account = pending ? await accounts.current(pending.email) : undefined;
  if (!pending || !account || account.userId !== pending.userId) {
    secondSteps.end(details.uid);
    return sendNotice(res, 400, 'Your sign-in has timed out', ['Go back to Waypoint and sign in again.']);
  }
  const secret = pending.enrolSecret ?? account.totpSecret;
  const again = async (problem: CodeProblem) =>
    pending.enrolSecret ? sendPage(res, 400, renderEnrolPage({ action, secret: groupedSecret(pending.enrolSecret), qrCode: await enrolmentQrCode(account.email, pending.enrolSecret), problem })) : sendPage(res, 400, renderCodePage({ action, problem }));
  const code = normaliseCode(formField(form, 'code'));
  if (code === '') return again('missing');
  if (!secret || !(await isCurrentCode(secret, code))) {
    pending.wrongCodes += 1;
    if (pending.wrongCodes >= MAX_CODE_TRIES) {
      secondSteps.end(details.uid);
      return sendNotice(res, 400, 'Too many codes that were not right', ['For your security, sign-in has stopped.', 'Go back to Waypoint and sign in again with your password.']);
    }
    return again('wrong');
  }
  if (pending.enrolSecret && !(await accounts.enrolAuthenticator(account.email, pending.enrolSecret))) {
    // Another window finished setting up an app first: that one is kept, so this code proves nothing.
    secondSteps.end(details.uid);
    return sendNotice(res, 409, 'Your authenticator app is already set up', ['It was set up in another window.', 'Go back to Waypoint and sign in again, using the code from that app.']);
  }
  secondSteps.end(details.uid);
  await finish({ ...context, userId: account.userId });
}

async function signIn(context: SignInContext) {
  const { accounts, details, req, res } = context;
  if (!isSameOrigin(req)) return sendNotice(res, 403, 'Sign-in refused', ['Sign in from the Waypoint sign-in page.']);
  if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    return sendNotice(res, 415, 'Sign-in refused', ['Sign in from the Waypoint sign-in page.']);
  }
  const form = await readForm(req);
  const action = `/interaction/${details.uid}`;
  const step = formField(form, STEP_FIELD);
  if (step === 'code' || step === 'enrol') return checkCode(context, form, action);
  const email = formField(form, 'email').trim();
  const account = await accounts.checkCredentials({ email, password: formField(form, 'password') });
  if (!account) return sendPage(res, 400, renderSignInPage({ action, email, failed: true }));
  await askForCode(context, account, action);
}

async function consent(options: { provider: Provider; details: InteractionDetails; req: IncomingMessage; res: ServerResponse }) {
  const { provider, details, req, res } = options;
  const accountId = details.session?.accountId;
  if (!accountId) return sendNotice(res, 400, 'Sign-in could not continue', ['Go back to Waypoint and sign in again.']);
  const grantId = await grantRequestedAccess({ provider, details, accountId });
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

export async function handleInteraction(options: { provider: Provider; accounts: AccountDirectory; secondSteps: SecondSteps; federated: FederatedSignIn; req: IncomingMessage; res: ServerResponse; pathname: string }): Promise<void> {
  const { provider, accounts, secondSteps, federated, req, res, pathname } = options;
  const uid = INTERACTION_PATH.exec(pathname)?.[1];
  let details: InteractionDetails | undefined;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    details = undefined; // no interaction cookie, or the interaction has expired
  }
  if (!details || details.uid !== uid) {
    return sendNotice(res, 400, 'Your sign-in has timed out', ['Sign-in must be finished in the browser it was started in, within 30 minutes.', 'Go back to Waypoint and sign in again.']);
  }
  try {
    if (req.method === 'GET' && details.prompt.name === 'login') {
      const { identity_provider: providerName, login_hint: hint } = details.params;
      if (typeof providerName === 'string' && providerName !== '') return await federated.begin({ details, res, providerName });
      return sendPage(res, 200, renderSignInPage({ action: `/interaction/${details.uid}`, email: typeof hint === 'string' ? hint.slice(0, MAX_FIELD_LENGTH) : undefined }));
    }
    if (req.method === 'GET' && details.prompt.name === 'consent') return await consent({ provider, details, req, res });
    if (req.method === 'POST' && details.prompt.name === 'login') return await signIn({ provider, accounts, secondSteps, details, req, res });
    return sendNotice(res, 405, 'Sign-in could not continue', ['Go back to Waypoint and sign in again.']);
  } catch (error) {
    if (error instanceof RequestTooLargeError) return sendNotice(res, 413, 'Sign-in refused', ['Sign in from the Waypoint sign-in page.']);
    throw error;
  }
}
