import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv, AuthDeps } from '../context';
import { normalizeEmail } from './email';
import { isHttps } from './session';

/**
 * The page sign-in's memory between the email form and the code page (`/login/code`), so the address
 * stays out of URLs (and so out of access logs and history). Signed, HttpOnly, only sent to `/login`,
 * and gone when the code would be.
 */
const LOGIN_EMAIL_COOKIE = 'hero_login_email';

export async function rememberLoginEmail(c: Context<AppEnv>, deps: AuthDeps, email: string) {
  await setSignedCookie(c, LOGIN_EMAIL_COOKIE, email, deps.config.auth.sessionSecret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, deps),
    path: '/login',
    maxAge: deps.config.auth.codeTtlSeconds,
  });
}

/** The address the code page is for, or undefined (never asked, expired, or tampered with). */
export async function recallLoginEmail(c: Context<AppEnv>, deps: AuthDeps): Promise<string | undefined> {
  const value = await getSignedCookie(c, deps.config.auth.sessionSecret, LOGIN_EMAIL_COOKIE);
  if (typeof value !== 'string') return undefined;
  try {
    return normalizeEmail(value);
  } catch {
    return undefined;
  }
}

export function forgetLoginEmail(c: Context<AppEnv>) {
  deleteCookie(c, LOGIN_EMAIL_COOKIE, { path: '/login' });
}
