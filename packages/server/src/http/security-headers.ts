import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { PAGE_STYLE_HASH } from './html';

/**
 * Security headers on every response (Hono's `secureHeaders`): a CSP that allows nothing but our one
 * hashed stylesheet and forms posting back to us (no script at all), no framing, nosniff, no referrer,
 * HSTS when we are served over https. And `Cache-Control: no-store` unless a route chose otherwise:
 * nearly every answer carries a token, a code, a cookie or personal data, so no shared or browser cache
 * may keep it, and a new route is covered without a thought.
 */
export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: [`'${PAGE_STYLE_HASH}'`],
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
