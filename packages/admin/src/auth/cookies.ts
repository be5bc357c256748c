import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { AdminEnv } from '../context';

/** The signed-in admin: their server session's cookie value, signed with ADMIN_SESSION_SECRET. */
export const ADMIN_COOKIE = 'hero_admin';
/** A sign-in under way: the email and challenge the code belongs to (15 minutes). */
export const LOGIN_COOKIE = 'hero_admin_login';

const LOGIN_SECONDS = 15 * 60;
/** Longest an admin cookie lives, whatever the server session says: admins sign in again each day. */
const ADMIN_MAX_SECONDS = 12 * 3600;

function options(c: Context<AdminEnv>) {
  const secure = c.get('deps').config.publicUrl.startsWith('https:');
  return { httpOnly: true, sameSite: 'Lax', secure, path: '/' } as const;
}

export async function setAdminCookie(c: Context<AdminEnv>, session: string, serverExpiry: Date | undefined) {
  const latest = Date.now() + ADMIN_MAX_SECONDS * 1000;
  const expires = new Date(Math.min(serverExpiry?.getTime() ?? latest, latest));
  await setSignedCookie(c, ADMIN_COOKIE, session, c.get('deps').config.sessionSecret, {
    ...options(c),
    expires,
  });
}

export async function readAdminCookie(c: Context<AdminEnv>): Promise<string | undefined> {
  const value = await getSignedCookie(c, c.get('deps').config.sessionSecret, ADMIN_COOKIE);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function clearAdminCookie(c: Context<AdminEnv>) {
  deleteCookie(c, ADMIN_COOKIE, options(c));
}

export interface PendingLogin {
  readonly email: string;
  readonly channel: string;
  /** Where to go once signed in (a path on this site). */
  readonly next: string;
  readonly challengeId?: string;
}

export async function setLoginCookie(c: Context<AdminEnv>, login: PendingLogin) {
  await setSignedCookie(c, LOGIN_COOKIE, JSON.stringify(login), c.get('deps').config.sessionSecret, {
    ...options(c),
    maxAge: LOGIN_SECONDS,
  });
}

export async function readLoginCookie(c: Context<AdminEnv>): Promise<PendingLogin | undefined> {
  const value = await getSignedCookie(c, c.get('deps').config.sessionSecret, LOGIN_COOKIE);
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    const parsed = JSON.parse(value) as Partial<PendingLogin>;
    if (
      typeof parsed.email !== 'string' ||
      typeof parsed.channel !== 'string' ||
      typeof parsed.next !== 'string'
    )
      return undefined;
    return {
      email: parsed.email,
      channel: parsed.channel,
      next: parsed.next,
      ...(typeof parsed.challengeId === 'string' ? { challengeId: parsed.challengeId } : {}),
    };
  } catch {
    return undefined;
  }
}

export function clearLoginCookie(c: Context<AdminEnv>) {
  deleteCookie(c, LOGIN_COOKIE, options(c));
}
