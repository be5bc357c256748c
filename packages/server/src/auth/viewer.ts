import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Viewer } from '../context';
import { forbidden, unauthenticated } from '../http/errors';
import { roleOf } from './roles';
import { sameSecret } from './secrets';
import { findSessionUser, readSessionToken } from './session';

/** Resolves the caller once per request: admin API token, session cookie, or anonymous. */
export function resolveViewer(): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async function resolveViewer(c, next) {
    const deps = c.get('deps');
    const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
    let viewer: Viewer = { kind: 'anonymous' };
    if (bearer !== undefined) {
      const expected = deps.config.auth.adminApiToken;
      // A wrong bearer is not silently downgraded to the cookie: the caller meant to use the token.
      if (expected === undefined || !sameSecret(bearer, expected))
        throw unauthenticated('The API token is not valid.');
      viewer = { kind: 'admin_token' };
    } else {
      const token = await readSessionToken(c, deps);
      const found = token === undefined ? undefined : await findSessionUser(deps, token);
      // The role is derived from ADMIN_EMAILS now, whatever the row says.
      if (found !== undefined)
        viewer = {
          kind: 'user',
          user: { ...found.user, role: roleOf(found.user.email, deps.config.auth) },
          authSessionId: found.authSessionId,
        };
    }
    c.set('viewer', viewer);
    await next();
  });
}

export function requireUser(c: { get(key: 'viewer'): Viewer }) {
  const viewer = c.get('viewer');
  if (viewer.kind !== 'user') throw unauthenticated();
  return viewer;
}

export function requireAdmin(c: { get(key: 'viewer'): Viewer }) {
  const viewer = c.get('viewer');
  if (viewer.kind === 'anonymous') throw unauthenticated();
  if (viewer.kind === 'user' && viewer.user.role !== 'admin') throw forbidden();
  return viewer;
}
