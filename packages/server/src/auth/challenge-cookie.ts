import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv, AuthDeps } from '../context';
import { isHttps } from './session';

/**
 * `hero_login` binds a challenge to the browser that asked for it: /login/verify checks the code against
 * that challenge only. So a stranger's challenges for the same address neither replace the owner's code
 * nor spend its attempts. API clients send `challenge_id` in the body instead.
 */
export const CHALLENGE_COOKIE = 'hero_login';

export async function setChallengeCookie(c: Context<AppEnv>, deps: AuthDeps, challengeId: string) {
  await setSignedCookie(c, CHALLENGE_COOKIE, challengeId, deps.config.auth.sessionSecret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, deps),
    path: '/login',
    maxAge: deps.config.auth.codeTtlSeconds,
  });
}

export async function readChallengeCookie(c: Context<AppEnv>, deps: AuthDeps): Promise<string | undefined> {
  const value = await getSignedCookie(c, deps.config.auth.sessionSecret, CHALLENGE_COOKIE);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function clearChallengeCookie(c: Context<AppEnv>) {
  deleteCookie(c, CHALLENGE_COOKIE, { path: '/login' });
}
