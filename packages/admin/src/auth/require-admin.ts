import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AdminEnv } from '../context';
import { AdminError } from '../http/errors';
import { ServerApiError } from '../server-api';
import { clearAdminCookie, readAdminCookie } from './cookies';
import { csrfTokenFor, isValidCsrfToken } from './csrf-token';

/**
 * Lets a request through only for a current admin. Their rights are asked of the server (`/me`) on
 * every request, so a revoked session or an address removed from ADMIN_EMAILS is out at once. A POST
 * must also carry the session's CSRF token.
 */
export function requireAdmin(): MiddlewareHandler<AdminEnv> {
  return createMiddleware<AdminEnv>(async function requireAdmin(c, next) {
    const { api, config, logger } = c.get('deps');
    const session = await readAdminCookie(c);
    if (session === undefined) return c.redirect(signInUrl(c.req.method, c.req.url), 303);
    let user: Awaited<ReturnType<typeof api.sessions.me>>;
    try {
      user = await api.sessions.me(session);
    } catch (error) {
      if (!(error instanceof ServerApiError) || error.status !== 401) throw error;
      clearAdminCookie(c);
      return c.redirect(
        `${signInUrl(c.req.method, c.req.url)}${c.req.method === 'GET' ? '&' : '?'}ended=1`,
        303,
      );
    }
    if (user.role !== 'admin') {
      clearAdminCookie(c);
      // The session was opened for the admin view; with the rights gone, end it on the server too.
      await api.sessions.logout(session).catch(() => undefined);
      logger.warn('admin view: a signed-in account no longer has admin rights', { user_id: user.id });
      throw new AdminError(
        403,
        'not_admin',
        'This account has no admin rights (any more). Ask an administrator.',
      );
    }
    c.set('admin', {
      id: user.id,
      email: user.email,
      session,
      csrfToken: csrfTokenFor(config.sessionSecret, session),
    });
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody();
      if (!isValidCsrfToken(config.sessionSecret, session, form._csrf))
        throw new AdminError(
          403,
          'invalid_csrf_token',
          'This form has expired or did not come from this page. Go back, reload and try again.',
        );
    }
    return next();
  });
}

/** `/login`, remembering the page asked for (GETs only; a POST's page would resubmit nothing). */
function signInUrl(method: string, url: string): string {
  if (method !== 'GET') return '/login';
  const { pathname, search } = new URL(url);
  return `/login?next=${encodeURIComponent(pathname + search)}`;
}

/** A `next` value that stays on this site: a path, never `//host` or a scheme. */
export function safeNext(next: string | undefined): string {
  return next !== undefined && /^\/(?![/\\])/.test(next) ? next : '/kyc/review';
}
