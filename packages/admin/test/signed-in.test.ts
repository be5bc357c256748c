import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminApp } from '../src/app';
import { serverApi } from '../src/server-api';
import { BrowserLike } from './support/browser-like';
import { signInPerson } from './support/people';
import { adminSignIn } from './support/sign-in';
import {
  ADMIN_API_TOKEN,
  ADMIN_EMAIL,
  type AdminStack,
  SESSION_SECRET,
  startAdminStack,
} from './support/stack';

let stack: AdminStack;
beforeAll(async () => {
  stack = await startAdminStack();
});
afterAll(async () => stack?.close());

describe('admin sign-in against the real server', () => {
  it('an admin signs in with the emailed code and lands on the review queue', async () => {
    const browser = new BrowserLike(stack.app, stack.url);
    const asked = await browser.post('/login', { email: ADMIN_EMAIL });
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe('/login/code');
    const codePage = await browser.get('/login/code');
    expect(codePage.html).toContain(ADMIN_EMAIL);
    expect(codePage.html).toContain('Dev mode: no email is sent');

    const wrong = await browser.post('/login/code', {
      code: '000000' === stack.lastCode() ? '111111' : '000000',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('That code is not right.'); // the server's own sentence
    expect(browser.cookies.has('hero_admin')).toBe(false);

    const done = await browser.post('/login/code', { code: stack.lastCode() });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/kyc/review');
    expect(browser.cookies.has('hero_admin')).toBe(true);
    expect(browser.cookies.has('hero_admin_login')).toBe(false);
    const queue = await browser.get('/kyc/review');
    expect(queue.status).toBe(200);
    expect(queue.html).toContain('Review queue');
    expect(queue.html).toContain(ADMIN_EMAIL);
  });

  it('returns to the page asked for before signing in', async () => {
    const browser = new BrowserLike(stack.app, stack.url);
    const first = await browser.get('/users?q=example');
    const next = new URL(first.headers.get('location') ?? '', stack.url).searchParams.get('next');
    expect(next).toBe('/users?q=example');
    await browser.post('/login', { email: ADMIN_EMAIL, next: next ?? '' });
    const done = await browser.post('/login/code', { code: stack.lastCode() });
    expect(done.headers.get('location')).toBe('/users?q=example');
  });

  it('keeps a non-admin out and ends the server session it opened', async () => {
    const plain = 'plain-person@example.com';
    const { browser, done } = await adminSignIn(stack, plain);
    expect(done.status).toBe(403);
    expect(done.html).toContain('data-code="not_admin"');
    expect(browser.cookies.has('hero_admin')).toBe(false);
    const sessions = await stack.database.db
      .selectFrom('auth_sessions')
      .innerJoin('users', 'users.id', 'auth_sessions.user_id')
      .select(['auth_sessions.revoked_at'])
      .where('users.email', '=', plain)
      .execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.revoked_at).not.toBeNull();
  });

  it('asks the server on every request: a session ended on the server is out at once', async () => {
    const { browser } = await adminSignIn(stack, ADMIN_EMAIL);
    expect((await browser.get('/users')).status).toBe(200);
    // The admin's server session is revoked behind the admin view's back (another tab's sign-out, an operator).
    await stack.database.db
      .updateTable('auth_sessions')
      .set({ revoked_at: new Date() })
      .where('revoked_at', 'is', null)
      .execute();
    const after = await browser.get('/users');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/users')}&ended=1`);
    expect(browser.cookies.has('hero_admin')).toBe(false);
  });

  it('an address removed from ADMIN_EMAILS is out at its next request', async () => {
    const { browser } = await adminSignIn(stack, ADMIN_EMAIL);
    expect((await browser.get('/users')).status).toBe(200);
    // The operator restarts the server without this address; the admin view keeps running.
    const restarted = await stack.startAnotherServer({ ADMIN_EMAILS: 'someone-else@example.com' });
    try {
      const app = createAdminApp({
        config: { ...stack.config, serverUrl: restarted.url },
        logger: stack.logger,
        api: serverApi({ serverUrl: restarted.url, apiToken: ADMIN_API_TOKEN }),
      });
      const same = new BrowserLike(app, stack.url);
      for (const [name, value] of browser.cookies) same.cookies.set(name, value);
      const refused = await same.get('/users');
      expect(refused.status).toBe(403);
      expect(refused.html).toContain('data-code="not_admin"');
      expect(same.cookies.has('hero_admin')).toBe(false);
    } finally {
      await restarted.stop();
    }
  });

  it("counts each browser against the server's sign-in limits, not the admin view's one address", async () => {
    // A server with tight limits, and an admin view behind a proxy that names the browser.
    const strict = await stack.startAnotherServer({
      LOGIN_RATE_LIMIT_PER_EMAIL_IP: '3',
      LOGIN_RATE_LIMIT_PER_IP: '3',
    });
    try {
      const app = createAdminApp({
        config: { ...stack.config, serverUrl: strict.url, trustProxy: true },
        logger: stack.logger,
        api: serverApi({ serverUrl: strict.url, apiToken: ADMIN_API_TOKEN }),
      });
      const ask = (browserIp: string) =>
        new BrowserLike(app, stack.url).post(
          '/login',
          { email: ADMIN_EMAIL },
          { origin: stack.url, 'x-forwarded-for': browserIp },
        );
      for (let i = 0; i < 3; i++) expect((await ask('198.51.100.7')).status).toBe(303);
      expect((await ask('198.51.100.7')).status).toBe(429);
      // Someone hammering the sign-in page used up their own browser's share only: the admin still gets in.
      expect((await ask('192.0.2.8')).status).toBe(303);
    } finally {
      await strict.stop();
    }
  });

  it('signs out: the server session is revoked and the cookie cleared; signing out needs the form token', async () => {
    const { browser } = await adminSignIn(stack, ADMIN_EMAIL);
    const page = await browser.get('/users');
    const refused = await browser.post('/logout', { _csrf: 'not-the-token' });
    expect(refused.status).toBe(403);
    expect((await browser.get('/users')).status).toBe(200);
    const out = await browser.post('/logout', { _csrf: BrowserLike.csrfToken(page.html) });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login');
    expect(browser.cookies.has('hero_admin')).toBe(false);
    const live = await stack.database.db
      .selectFrom('auth_sessions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(live.n)).toBe(0);
  });

  it('never puts the API token, the server session or a secret into a page', async () => {
    const person = await signInPerson(stack.serverUrl, 'leak-check@example.com');
    const { browser, code } = await adminSignIn(stack, ADMIN_EMAIL);
    const serverSession = decodeURIComponent(browser.cookies.get('hero_admin') ?? '').split('.')[0] ?? '';
    expect(serverSession.length).toBeGreaterThan(10);
    for (const path of [
      '/kyc/review',
      '/kyc',
      '/users',
      `/users/${person.userId}`,
      `/users/${person.userId}/reset`,
    ]) {
      const res = await browser.get(path);
      expect(res.status, path).toBe(200);
      for (const secret of [
        ADMIN_API_TOKEN,
        SESSION_SECRET,
        stack.config.sessionSecret,
        serverSession,
        person.session,
        code,
      ])
        expect(res.html, path).not.toContain(secret);
    }
  });
});
