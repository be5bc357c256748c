import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Headers on every answer: a CSP that allows our one stylesheet and icon and forms posting back here
 * (no script at all), no framing, nosniff, no referrer; and `no-store` on everything but the static
 * assets, since admin pages show personal data.
 */
export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: options.https ? 'max-age=31536000; includeSubDomains' : false,
  });
  return createMiddleware(async function securityHeaders(c, next) {
    await headers(c, next);
    if (!c.res.headers.has('cache-control')) c.res.headers.set('Cache-Control', 'no-store');
  });
}

/**
 * Form posts must come from our own pages: Hono's `csrf` checks `Sec-Fetch-Site: same-origin` or an
 * `Origin` of ADMIN_PUBLIC_URL (or the origin the request was addressed to). Signed-in forms also carry
 * a per-session token (see auth/require-admin.ts).
 */
export function sameOriginForms(publicUrl: string): MiddlewareHandler {
  const publicOrigin = new URL(publicUrl).origin;
  return csrf({ origin: (origin, c) => origin === publicOrigin || origin === new URL(c.req.url).origin });
}
