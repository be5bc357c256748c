import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncAdminRoles } from '../src/auth/roles';
import { HttpClient } from './support/http-client';
import { ADMIN_API_TOKEN, ADMIN_EMAIL, startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.close());

const ADMIN_ROUTES = [
  { method: 'GET', path: '/admin/list-users' },
  { method: 'GET', path: '/admin/list-kyc-sessions' },
  { method: 'POST', path: '/kyc/reset', json: { user_id: '00000000-0000-4000-8000-000000000000' } },
] as const;

async function call(headers: Record<string, string>, route: (typeof ADMIN_ROUTES)[number]) {
  const client = new HttpClient(stack.baseUrl);
  return 'json' in route
    ? client.request(route.method, route.path, { json: route.json, headers })
    : client.request(route.method, route.path, { headers });
}

/** A hono-style signed cookie value ("value.signature") made with some key. */
const signedWith = (key: string, value: string) =>
  encodeURIComponent(`${value}.${createHmac('sha256', key).update(value).digest('base64')}`);

describe('admin routes against every wrong credential', () => {
  it('no credential, a wrong or malformed token, or a non-admin session never gets in', async () => {
    const { client: plain } = await stack.signIn('not-admin@example.com');
    const plainCookie = `hero_session=${plain.cookie('hero_session')}`;
    const { client: revoked } = await stack.signIn('revoked@example.com');
    const revokedCookie = `hero_session=${revoked.cookie('hero_session')}`;
    await revoked.post('/logout');
    const { client: expired, user: expiredUser } = await stack.signIn('expired@example.com');
    await stack.db
      .updateTable('auth_sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', expiredUser.id)
      .execute();
    const { client: admin } = await stack.signIn(ADMIN_EMAIL);
    const rawSessionToken = decodeURIComponent(admin.cookie('hero_session') ?? '').split('.')[0] ?? '';

    const wrong: [string, Record<string, string>, number][] = [
      ['nothing', {}, 401],
      ['wrong bearer', { authorization: 'Bearer nope' }, 401],
      ['empty bearer', { authorization: 'Bearer ' }, 401],
      ['token with a suffix', { authorization: `Bearer ${ADMIN_API_TOKEN}x` }, 401],
      ['token prefix', { authorization: `Bearer ${ADMIN_API_TOKEN.slice(0, -1)}` }, 401],
      ['token in another case', { authorization: `Bearer ${ADMIN_API_TOKEN.toUpperCase()}` }, 401],
      [
        'token as Basic',
        { authorization: `Basic ${Buffer.from(`admin:${ADMIN_API_TOKEN}`).toString('base64')}` },
        401,
      ],
      ['token without a scheme', { authorization: ADMIN_API_TOKEN }, 401],
      ['token as a cookie', { cookie: `hero_session=${ADMIN_API_TOKEN}` }, 401],
      ['an admin session token as bearer', { authorization: `Bearer ${rawSessionToken}` }, 401],
      ['unsigned session cookie', { cookie: `hero_session=${rawSessionToken}` }, 401],
      [
        'cookie signed with another key',
        { cookie: `hero_session=${signedWith('guess', rawSessionToken)}` },
        401,
      ],
      ['revoked session', { cookie: revokedCookie }, 401],
      ['expired session', { cookie: `hero_session=${expired.cookie('hero_session')}` }, 401],
      [
        'wrong bearer beside an admin cookie',
        { authorization: 'Bearer nope', cookie: `hero_session=${admin.cookie('hero_session')}` },
        401,
      ],
      ['a plain user', { cookie: plainCookie }, 403],
    ];
    for (const route of ADMIN_ROUTES) {
      for (const [name, headers, status] of wrong) {
        const res = await call(headers, route);
        expect(res.status, `${route.method} ${route.path}: ${name}`).toBe(status);
        expect(res.json.error.code).toBe(status === 401 ? 'unauthenticated' : 'forbidden');
      }
      // The query string is never a credential.
      const query = await new HttpClient(stack.baseUrl).get(`${route.path}?token=${ADMIN_API_TOKEN}`);
      if (route.method === 'GET') expect(query.status).toBe(401);
      expect((await call({ authorization: `Bearer ${ADMIN_API_TOKEN}` }, route)).status).not.toBe(401);
    }
  });

  it('without ADMIN_API_TOKEN configured, no bearer token is accepted at all', async () => {
    const noToken = await startTestStack({ env: { ADMIN_API_TOKEN: '' } });
    try {
      for (const token of [ADMIN_API_TOKEN, '', 'undefined']) {
        const res = await noToken.client().get('/admin/list-users', { authorization: `Bearer ${token}` });
        expect(res.status).toBe(401);
      }
    } finally {
      await noToken.close();
    }
  });
});

describe('roles follow ADMIN_EMAILS at every request', () => {
  it('an address removed from ADMIN_EMAILS loses admin rights on its live session at once', async () => {
    const admin = await stack.signIn(ADMIN_EMAIL);
    expect((await admin.client.get('/admin/list-users')).status).toBe(200);

    // The same database and session, served by a process restarted without that address.
    const restarted = await startTestStack({
      env: { ADMIN_EMAILS: 'someone-else@example.com' },
      database: { url: stack.databaseUrl, db: stack.db },
    });
    try {
      const cookie = { cookie: `hero_session=${admin.client.cookie('hero_session')}` };
      const list = await restarted.client().get('/admin/list-users', cookie);
      expect(list.status).toBe(403);
      const reset = await restarted.client().post('/kyc/reset', { user_id: admin.user.id }, cookie);
      expect(reset.status).toBe(409); // only their own reset, as a plain user: not resettable
      const me = await restarted.client().get('/me', cookie);
      expect(me.json.user.role).toBe('user');
      // And the other way round: an address added is an admin on its next request.
      const promoted = await startTestStack({
        env: { ADMIN_EMAILS: 'not-admin-yet@example.com' },
        database: { url: stack.databaseUrl, db: stack.db },
      });
      try {
        const { client: later } = await stack.signIn('not-admin-yet@example.com');
        const res = await promoted
          .client()
          .get('/admin/list-users', { cookie: `hero_session=${later.cookie('hero_session')}` });
        expect(res.status).toBe(200);
      } finally {
        await promoted.close();
      }
    } finally {
      await restarted.close();
    }
  });

  it('at start, the role column is brought in line with ADMIN_EMAILS for the admin lists', async () => {
    await stack.signIn(ADMIN_EMAIL);
    await stack.signIn('column@example.com');
    expect(
      await syncAdminRoles(stack.db, { adminEmails: new Set(['column@example.com']) }),
    ).toBeGreaterThanOrEqual(2);
    const rows = await stack.db
      .selectFrom('users')
      .select(['email', 'role'])
      .where('email', 'in', [ADMIN_EMAIL, 'column@example.com'])
      .orderBy('email')
      .execute();
    expect(rows).toEqual([
      { email: ADMIN_EMAIL, role: 'user' },
      { email: 'column@example.com', role: 'admin' },
    ]);
    expect(await syncAdminRoles(stack.db, { adminEmails: new Set(['column@example.com']) })).toBe(0);
    await syncAdminRoles(stack.db, { adminEmails: new Set([ADMIN_EMAIL]) });
  });
});
