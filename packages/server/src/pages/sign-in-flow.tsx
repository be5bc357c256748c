import type { Context } from 'hono';
import { issueChallenge } from '../auth/challenge.service';
import { clearChallengeCookie, readChallengeCookie, setChallengeCookie } from '../auth/challenge-cookie';
import { challengeEmail } from '../auth/challenge-email';
import { clientIp } from '../auth/client-ip';
import { normalizeEmail } from '../auth/email';
import { setSessionCookie } from '../auth/session';
import { verifyCode } from '../auth/verify.service';
import type { AppEnv } from '../context';
import { AppError } from '../http/errors';
import { readObjectBody, requireString } from '../http/json-body';
import type { FormError } from './fields';
import { formErrorOf } from './form-error';
import { renderPage, signedInEmail } from './render';
import { CodePage, SignInPage } from './sign-in';

/**
 * The sign-in forms' side of `/login/challenge` and `/login/verify` (browsers; API clients get JSON from
 * the same routes). Each step answers a 303 (post, redirect, get), and a refusal re-renders the form it
 * came from with the message, never JSON. Between the two, the browser holds only the `hero_login`
 * cookie (the challenge's id): the code page reads the address from that challenge.
 */
export async function challengeFromPage(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const body = await readObjectBody(c);
  try {
    const email = normalizeEmail(body.email);
    const issued = await issueChallenge(deps, email, clientIp(c));
    await setChallengeCookie(c, deps, issued.challengeId);
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
  const challengeId = await readChallengeCookie(c, deps);
  const email = await challengeEmail(deps, challengeId);
  if (email === undefined) return c.redirect('/', 303); // no sign-in under way (or it was used): start again
  try {
    const signedIn = await verifyCode(deps, email, requireString(body, 'code', 32), challengeId);
    clearChallengeCookie(c);
    await setSessionCookie(c, deps, signedIn.sessionToken, signedIn.expiresAt);
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

/** `/login/code`: the code form for the browser's challenge; without one (or signed in), back to `/`. */
export async function codePage(c: Context<AppEnv>) {
  if (signedInEmail(c) !== undefined) return c.redirect('/', 303);
  const deps = c.get('deps');
  const email = await challengeEmail(deps, await readChallengeCookie(c, deps));
  if (email === undefined) return c.redirect('/', 303);
  return renderCodePage(c, email);
}

const triesLeft = (n: number) => (n === 1 ? 'One more try, then ask for a new code.' : `${n} tries left.`);

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
