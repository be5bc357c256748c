import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../context';

/**
 * The caller's address; X-Forwarded-For is trusted only from a proxy we were told about, and then only
 * its last entry: the one our proxy added. Entries before it come from the client, who could otherwise
 * pose as a new address on every request and slip past the per-IP limits.
 *
 * A caller holding the admin API token (the admin view, signing an admin in on their behalf) is such a
 * proxy too: without the browser's address every admin sign-in would count against the admin view's one
 * address, and anyone who reaches its sign-in page could spend the admins' limits.
 */
export function clientIp(c: Context<AppEnv>): string | undefined {
  if (c.get('deps').config.auth.trustProxy || c.get('viewer')?.kind === 'admin_token') {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? undefined;
  } catch {
    // app.request() in tests has no socket.
    return undefined;
  }
}
