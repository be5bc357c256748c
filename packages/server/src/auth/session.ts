import type { User } from '@hero-onboarding/generated/onboarding';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv, AuthDeps } from '../context';
import { keyedHash } from './secrets';

export const SESSION_COOKIE = 'hero_session';

export function isHttps(c: Context<AppEnv>, deps: AuthDeps): boolean {
  if (deps.config.http.publicUrl.startsWith('https:')) return true;
  if (deps.config.auth.trustProxy && c.req.header('x-forwarded-proto') === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

export async function setSessionCookie(c: Context<AppEnv>, deps: AuthDeps, token: string, expiresAt: Date) {
  await setSignedCookie(c, SESSION_COOKIE, token, deps.config.auth.sessionSecret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, deps),
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** The session token from a validly signed cookie, or undefined. */
export async function readSessionToken(c: Context<AppEnv>, deps: AuthDeps): Promise<string | undefined> {
  const value = await getSignedCookie(c, deps.config.auth.sessionSecret, SESSION_COOKIE);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Resolves a session token to its live session and user; revoked or expired sessions resolve to nothing. */
export async function findSessionUser(
  deps: AuthDeps,
  token: string,
): Promise<{ user: User; authSessionId: string } | undefined> {
  const now = deps.now();
  const row = await deps.db
    .selectFrom('auth_sessions')
    .innerJoin('users', 'users.id', 'auth_sessions.user_id')
    .select(['auth_sessions.id as auth_session_id'])
    .selectAll('users')
    .where('auth_sessions.token_hash', '=', keyedHash(deps.config.auth.sessionSecret, 'session', token))
    .where('auth_sessions.revoked_at', 'is', null)
    .where('auth_sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const { auth_session_id, ...user } = row;
  return { user, authSessionId: auth_session_id };
}
