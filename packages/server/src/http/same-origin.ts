import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { AppError } from './errors';

export interface SameOriginOptions {
  /** PUBLIC_URL: the origin browsers see us at (behind a proxy, not the one in the request URL). */
  readonly publicUrl: string;
  /** Other origins whose pages may post to us (TRUSTED_ORIGINS), e.g. a front end on another host. */
  readonly trustedOrigins: readonly string[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request that a browser sent from another site (login CSRF, forced logout,
 * forced KYC reset), on every route at once, so a route added later is covered without a thought.
 *
 * Browsers send `Origin` on every POST and `Sec-Fetch-Site` on every request; a page on another site
 * cannot forge either. Unlike Hono's `csrf`, which looks only at form-encodable content types, this
 * checks every request: a body parser that accepts more than JSON would otherwise be reachable. A
 * request carrying neither header is not from a browser (curl, a server) and cannot ride a cookie.
 *
 * Exempt by design: `/webhooks/*` (the provider authenticates with a signature over the body, never a
 * cookie) and `Authorization: Bearer` calls (browsers never attach that header on their own, a page on
 * another site cannot add it without a CORS preflight we never grant, and a bearer request is never
 * answered from the cookie).
 */
export function requireSameOrigin(options: SameOriginOptions): MiddlewareHandler {
  const allowed = new Set([new URL(options.publicUrl).origin, ...options.trustedOrigins]);
  return createMiddleware(async function requireSameOrigin(c, next) {
    if (!SAFE_METHODS.has(c.req.method) && !isExempt(c) && !isSameOrigin(c, allowed)) {
      throw new AppError(
        403,
        'cross_site_request',
        'This request came from another site; state-changing requests must come from this site.',
      );
    }
    await next();
  });
}

function isExempt(c: Context): boolean {
  return c.req.path.startsWith('/webhooks/') || /^Bearer\s/i.test(c.req.header('authorization') ?? '');
}

function isSameOrigin(c: Context, allowed: ReadonlySet<string>): boolean {
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  // Our pages send `Referrer-Policy: no-referrer`, under which a browser posts our own forms with
  // `Origin: null`; then its Sec-Fetch-Site (which no page can set) decides. A null origin without it is
  // refused: that is a sandboxed or privacy-stripped page we cannot place.
  if (origin === 'null') return site === 'same-origin';
  if (origin !== undefined) return allowed.has(origin) || origin === new URL(c.req.url).origin;
  return site === undefined || site === 'same-origin';
}
