import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../context';

/**
 * The caller's address; X-Forwarded-For is trusted only behind a proxy we were told about, and then only
 * its last entry: the one our proxy added. Entries before it come from the client, who could otherwise
 * pose as a new address on every request and slip past the per-IP limits.
 */
export function clientIp(c: Context<AppEnv>): string | undefined {
  if (c.get('deps').config.auth.trustProxy) {
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
