import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers on every response (Hono's `secureHeaders`): a CSP that allows nothing but our own
 * served stylesheet and icon (no inline style, no script at all) and forms posting back to us (a form
 * whose answer redirects elsewhere is refused by browsers too, so the top-up form's answer is our own
 * hand-over page; see pages/payment.tsx), no framing, nosniff, no referrer,
 * HSTS when we are served over https. And `Cache-Control: no-store` unless a route chose otherwise:
 * nearly every answer carries a token, a code, a cookie or personal data, so no shared or browser cache
 * may keep it, and a new route is covered without a thought.
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
