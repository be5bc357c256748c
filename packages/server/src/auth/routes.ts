import { Hono } from 'hono';
import type { AppEnv } from '../context';
import { readObjectBody, requireString } from '../http/json-body';
import { wantsHtml } from '../http/negotiate';
import { accountOf } from '../pages/account';
import { challengeFromPage, verifyFromPage } from '../pages/sign-in-flow';
import { userView } from '../users/user-view';
import { issueChallenge } from './challenge.service';
import { clearChallengeCookie, readChallengeCookie, setChallengeCookie } from './challenge-cookie';
import { clientIp } from './client-ip';
import { normalizeEmail } from './email';
import { keyedHash } from './secrets';
import { clearSessionCookie, readSessionToken, setSessionCookie } from './session';
import { verifyCode } from './verify.service';
import { requireUser } from './viewer';

export const authRoutes = new Hono<AppEnv>()
  .post('/login/challenge', async (c) => {
    if (wantsHtml(c)) return challengeFromPage(c); // the sign-in form: a 303 to /login/code, or the form again
    const deps = c.get('deps');
    const body = await readObjectBody(c);
    const email = normalizeEmail(body.email);
    const issued = await issueChallenge(deps, email, clientIp(c));
    await setChallengeCookie(c, deps, issued.challengeId);
    return c.json({
      sent: true,
      channel: deps.codeSender.channel,
      challenge_id: issued.challengeId,
      expires_in_seconds: issued.expiresInSeconds,
      ...(issued.devCode === undefined ? {} : { dev_code: issued.devCode }),
    });
  })
  .post('/login/verify', async (c) => {
    if (wantsHtml(c)) return verifyFromPage(c); // the code form: a 303 to /, or the form again
    const deps = c.get('deps');
    const body = await readObjectBody(c);
    const email = normalizeEmail(body.email);
    const code = requireString(body, 'code', 32);
    const challengeId =
      typeof body.challenge_id === 'string' && body.challenge_id !== ''
        ? requireString(body, 'challenge_id', 64)
        : await readChallengeCookie(c, deps);
    const signedIn = await verifyCode(deps, email, code, challengeId);
    clearChallengeCookie(c);
    await setSessionCookie(c, deps, signedIn.sessionToken, signedIn.expiresAt);
    deps.logger.info('signed in', { user_id: signedIn.user.id });
    return c.json({ user: userView(signedIn.user) });
  })
  .post('/logout', async (c) => {
    const deps = c.get('deps');
    const token = await readSessionToken(c, deps);
    if (token !== undefined) {
      await deps.db
        .updateTable('auth_sessions')
        .set({ revoked_at: new Date(), updated_at: new Date() })
        .where('token_hash', '=', keyedHash(deps.config.auth.sessionSecret, 'session', token))
        .where('revoked_at', 'is', null)
        .execute();
    }
    clearSessionCookie(c);
    if (wantsHtml(c)) return c.redirect('/', 303);
    return c.json({ signed_out: true });
  })
  .get('/me', async (c) => {
    const deps = c.get('deps');
    const { user } = requireUser(c);
    const { kyc, balances } = await accountOf(deps, user);
    c.header('Cache-Control', 'no-store'); // the KYC view may carry iDenfy's token
    return c.json({ user: userView(user), kyc, balances });
  });
