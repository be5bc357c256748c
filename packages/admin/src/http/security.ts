import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';

/** The server's own security headers (CSP without script, no framing, no referrer, `no-store`), shared. */
export { securityHeaders } from '@hero-onboarding/server/security-headers';

/**
 * Form posts must come from our own pages: Hono's `csrf` checks `Sec-Fetch-Site: same-origin` or an
 * `Origin` of ADMIN_PUBLIC_URL (or the origin the request was addressed to). Signed-in forms also carry
 * a per-session token (see auth/require-admin.ts).
 */
export function sameOriginForms(publicUrl: string): MiddlewareHandler {
  const publicOrigin = new URL(publicUrl).origin;
  return csrf({ origin: (origin, c) => origin === publicOrigin || origin === new URL(c.req.url).origin });
}
