import { Hono } from 'hono';
import {
  clearAdminCookie,
  clearLoginCookie,
  readAdminCookie,
  readLoginCookie,
  setAdminCookie,
  setLoginCookie,
} from '../auth/cookies';
import { isValidCsrfToken } from '../auth/csrf-token';
import { safeNext } from '../auth/require-admin';
import type { AdminEnv } from '../context';
import { browserIp } from '../http/browser-ip';
import { AdminError } from '../http/errors';
import { CodePage, EmailPage } from '../pages/login';
import { ServerApiError } from '../server-api';

/**
 * Sign-in through the server's own email-code routes (server to server, JSON). Only an account the
 * server says is `role = admin` keeps its session; anyone else's is ended on the spot.
 */
export const loginRoutes = new Hono<AdminEnv>()
  .get('/login', (c) => {
    const next = c.req.query('next');
    return c.html(
      <EmailPage ended={c.req.query('ended') === '1'} {...(next === undefined ? {} : { next })} />,
    );
  })
  .post('/login', async (c) => {
    const { api } = c.get('deps');
    const form = await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email.trim() : '';
    const next = typeof form.next === 'string' ? form.next : undefined;
    try {
      const challenge = await api.sessions.challenge(email, browserIp(c));
      await setLoginCookie(c, {
        email,
        channel: challenge.channel,
        next: safeNext(next),
        ...(challenge.challengeId === undefined ? {} : { challengeId: challenge.challengeId }),
      });
    } catch (error) {
      if (!(error instanceof ServerApiError) || error.status >= 500) throw error;
      return c.html(
        <EmailPage email={email} error={error.message} {...(next === undefined ? {} : { next })} />,
        error.status === 429 ? 429 : 400,
      );
    }
    return c.redirect('/login/code', 303);
  })
  .get('/login/code', async (c) => {
    const login = await readLoginCookie(c);
    if (login === undefined) return c.redirect('/login', 303);
    return c.html(<CodePage email={login.email} devLog={login.channel === 'dev-log'} />);
  })
  .post('/login/code', async (c) => {
    const { api, logger } = c.get('deps');
    const login = await readLoginCookie(c);
    if (login === undefined) return c.redirect('/login', 303);
    const form = await c.req.parseBody();
    const code = typeof form.code === 'string' ? form.code.trim() : '';
    let signedIn: Awaited<ReturnType<typeof api.sessions.verify>>;
    try {
      signedIn = await api.sessions.verify(login.email, code, login.challengeId, browserIp(c));
    } catch (error) {
      if (!(error instanceof ServerApiError) || error.status >= 500) throw error;
      return c.html(
        <CodePage email={login.email} devLog={login.channel === 'dev-log'} error={error.message} />,
        400,
      );
    }
    clearLoginCookie(c);
    if (signedIn.user.role !== 'admin') {
      await api.sessions.logout(signedIn.session).catch(() => undefined);
      logger.warn('admin view: a non-admin account tried to sign in', { user_id: signedIn.user.id });
      throw new AdminError(
        403,
        'not_admin',
        'This account has no admin rights. Only administrators can sign in here.',
      );
    }
    await setAdminCookie(c, signedIn.session, signedIn.expires);
    logger.info('admin signed in', { user_id: signedIn.user.id });
    return c.redirect(safeNext(login.next), 303);
  })
  .post('/logout', async (c) => {
    const { api, config } = c.get('deps');
    const session = await readAdminCookie(c);
    const form = await c.req.parseBody();
    if (session !== undefined) {
      if (!isValidCsrfToken(config.sessionSecret, session, form._csrf))
        throw new AdminError(
          403,
          'invalid_csrf_token',
          'This form has expired. Go back, reload and try again.',
        );
      await api.sessions.logout(session).catch(() => undefined);
    }
    clearAdminCookie(c);
    return c.redirect('/login', 303);
  });
