import type { Context } from 'hono';
import { issueChallenge } from '../auth/challenge.service';
import { clientIp } from '../auth/client-ip';
import { normalizeEmail } from '../auth/email';
import { forgetLoginEmail, recallLoginEmail, rememberLoginEmail } from '../auth/login-email-cookie';
import { setSessionCookie } from '../auth/session';
import { verifyCode } from '../auth/verify.service';
import type { AppEnv } from '../context';
import { AppError } from '../http/errors';
import { readObjectBody, requireString } from '../http/json-body';
import { formErrorOf } from './form-error';
import { renderPage, signedInEmail } from './render';
import { CodePage, type FormError, SignInPage } from './sign-in';

/**
 * The sign-in forms' side of `/login/challenge` and `/login/verify` (browsers; API clients get JSON from
 * the same routes). Each step answers a 303 (post, redirect, get), and a refusal re-renders the form it
 * came from with the message, never JSON.
 */
export async function challengeFromPage(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const body = await readObjectBody(c);
  try {
    const email = normalizeEmail(body.email);
    await issueChallenge(deps, email, clientIp(c));
    await rememberLoginEmail(c, deps, email);
    return c.redirect('/login/code', 303);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const typed = typeof body.email === 'string' ? body.email.slice(0, 320) : '';
    const refusal = formErrorOf(c, error, { invalid_email: 'email' });
    return renderPage(c, <SignInPage email={typed} error={refusal} />, error.status);
  }
}

export async function verifyFromPage(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const body = await readObjectBody(c);
  const email = await formEmail(c, body.email);
  if (email === undefined) return c.redirect('/', 303); // nothing to sign in to: start again
  try {
    const signedIn = await verifyCode(deps, email, requireString(body, 'code', 32));
    await setSessionCookie(c, deps, signedIn.sessionToken, signedIn.expiresAt);
    forgetLoginEmail(c);
    deps.logger.info('signed in', { user_id: signedIn.user.id });
    return c.redirect('/', 303);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const refusal = formErrorOf(c, error, { invalid_code: 'code', invalid_request: 'code' });
    const left = error.details.attempts_left;
    const message = typeof left === 'number' ? `${refusal.message} ${triesLeft(left)}` : refusal.message;
    return renderCodePage(c, email, { refusal: { ...refusal, message }, status: error.status });
  }
}

/** `/login/code`: the code form for the address the email form remembered; without one, back to `/`. */
export async function codePage(c: Context<AppEnv>) {
  if (signedInEmail(c) !== undefined) return c.redirect('/', 303);
  const email = await recallLoginEmail(c, c.get('deps'));
  if (email === undefined) return c.redirect('/', 303);
  return renderCodePage(c, email);
}

const triesLeft = (n: number) => (n === 1 ? 'One more try, then ask for a new code.' : `${n} tries left.`);

/** The address a code form is for: its hidden field, else the one the email form remembered. */
async function formEmail(c: Context<AppEnv>, field: unknown): Promise<string | undefined> {
  try {
    return normalizeEmail(field);
  } catch {
    return recallLoginEmail(c, c.get('deps'));
  }
}

function renderCodePage(
  c: Context<AppEnv>,
  email: string,
  refused?: { refusal: FormError; status: AppError['status'] },
) {
  const deps = c.get('deps');
  return renderPage(
    c,
    <CodePage
      email={email}
      devLog={deps.codeSender.channel === 'dev-log'}
      validMinutes={Math.max(1, Math.round(deps.config.auth.codeTtlSeconds / 60))}
      error={refused?.refusal}
    />,
    refused?.status,
  );
}
