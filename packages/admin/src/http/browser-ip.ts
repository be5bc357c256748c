import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AdminEnv } from '../context';

/**
 * The browser's address, handed to the server with each sign-in it makes on that browser's behalf. Behind
 * a proxy (ADMIN_TRUST_PROXY) it is the last X-Forwarded-For entry, the one the proxy added; entries
 * before it are the client's own say.
 */
export function browserIp(c: Context<AdminEnv>): string | undefined {
  if (c.get('deps').config.trustProxy) {
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
