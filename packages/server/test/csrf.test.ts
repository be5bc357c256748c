import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/http/errors';
import { requireSameOrigin } from '../src/http/same-origin';
import { dbState } from './support/db-state';
import { sessionsOf, signInAndStart, userRow } from './support/kyc';
import { verifiedUser } from './support/payments';
import { ADMIN_API_TOKEN, startTestStack, type TestStack } from './support/stack';
import { idenfyResult, idenfySignature } from './support/webhook';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ env: { TRUSTED_ORIGINS: 'https://app.example.com' } });
});
afterAll(async () => stack?.close());

const EVIL = 'https://evil.example';
const form = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});
/** What a page on another site can make a victim's browser send. */
const crossSite = [
  { origin: EVIL, 'sec-fetch-site': 'cross-site' },
  { origin: 'null', 'sec-fetch-site': 'cross-site' },
  { 'sec-fetch-site': 'cross-site' },
  { origin: 'https://sub.evil.example', 'sec-fetch-site': 'same-site' },
  { 'sec-fetch-site': 'same-site' },
];

/** Every state-changing route of the app, read from the app itself, so a new one is tested too. */
function stateChangingRoutes() {
  const routes = stack.app.routes
    .filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
    .map((r) => ({ method: r.method, path: r.path }));
  return [...new Map(routes.map((r) => [`${r.method} ${r.path}`, r])).values()];
}

describe('cross-site requests (CSRF)', () => {
  it('every state-changing browser route answers 403 before doing anything', async () => {
    const routes = stateChangingRoutes().filter((r) => !r.path.startsWith('/webhooks/'));
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'POST /login/challenge',
        'POST /login/verify',
        'POST /logout',
        'POST /kyc/reset',
        'POST /payment/intent',
      ]),
    );
    const { client, user } = await verifiedUser(stack, 'csrf-victim@example.com');
    const before = await dbState(stack.db);
    for (const route of routes) {
      for (const headers of crossSite) {
        const res = await client.request(route.method, route.path, {
          ...form({
            email: 'attacker@example.com',
            code: '123456',
            user_id: user.id,
            amount: '5000',
            currency: 'USD',
          }),
          headers: { ...form({}).headers, ...headers },
        });
        expect(res.status, `${route.method} ${route.path} ${JSON.stringify(headers)}`).toBe(403);
        expect(res.json.error.code).toBe('cross_site_request');
        expect(res.headers.get('set-cookie')).toBeNull();
      }
    }
    // Nothing happened: no code sent, no top-up opened, the victim still signed in, nothing changed.
    expect(await dbState(stack.db)).toBe(before);
    expect((await client.get('/me')).status).toBe(200);
    expect((await userRow(stack, user.id)).kyc_status).toBe('completed');
  });

  it("login CSRF: a cross-site post of the attacker's own valid code signs nobody in", async () => {
    const attacker = stack.client();
    const { json } = await attacker.post('/login/challenge', { email: 'attacker@example.com' });
    const forged = await stack.client().request('POST', '/login/verify', {
      ...form({ email: 'attacker@example.com', code: json.dev_code, challenge_id: json.challenge_id }),
      headers: { ...form({}).headers, origin: EVIL },
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('set-cookie')).toBeNull();
    const challenge = await stack.db
      .selectFrom('login_challenges')
      .select('consumed_at')
      .where('id', '=', json.challenge_id)
      .executeTakeFirstOrThrow();
    expect(challenge.consumed_at).toBeNull();
  });

  it('a cross-site form cannot open a top-up (and send the victim to a checkout) for a verified user', async () => {
    const { client, user } = await verifiedUser(stack, 'csrf-payer@example.com');
    const forced = await client.request('POST', '/payment/intent', {
      ...form({ amount: '5000', currency: 'USD' }),
      headers: { ...form({}).headers, origin: EVIL, accept: 'text/html' },
    });
    expect(forced.status).toBe(403);
    expect(forced.headers.get('location')).toBeNull();
    expect(
      await stack.db.selectFrom('top_ups').select('id').where('user_id', '=', user.id).execute(),
    ).toEqual([]);
    // The same form from this site goes through.
    const own = await client.request('POST', '/payment/intent', {
      ...form({ amount: '5000', currency: 'USD' }),
      headers: { ...form({}).headers, origin: stack.baseUrl, accept: 'text/html' },
    });
    expect(own.status).toBe(303);
  });

  it('a forced KYC reset from another site is refused and resets nothing', async () => {
    const { client, user, session } = await signInAndStart(stack, 'csrf-reset@example.com');
    await stack.simulator.complete(session.idenfy_scan_ref as string, { overall: 'DENIED', final: true });
    const forced = await client.request('POST', '/kyc/reset', { headers: { origin: EVIL } });
    expect(forced.status).toBe(403);
    expect((await userRow(stack, user.id)).kyc_status).toBe('failed');
    expect(await sessionsOf(stack, user.id)).toHaveLength(1);
  });

  it('same-origin browser posts, PUBLIC_URL and TRUSTED_ORIGINS pass; non-browser clients pass', async () => {
    const sameOrigin = { origin: stack.baseUrl, 'sec-fetch-site': 'same-origin' };
    const client = stack.client();
    expect((await client.post('/login/challenge', { email: 'same@example.com' }, sameOrigin)).status).toBe(
      200,
    );
    // What Chromium sends for our own form under our Referrer-Policy: no-referrer (seen in the browser tests).
    const ownFormNoReferrer = { origin: 'null', 'sec-fetch-site': 'same-origin' };
    expect(
      (await client.post('/login/challenge', { email: 'own-form@example.com' }, ownFormNoReferrer)).status,
    ).toBe(200);
    expect(
      (await client.post('/login/challenge', { email: 'nowhere@example.com' }, { origin: 'null' })).status,
    ).toBe(403);
    const trusted = { origin: 'https://app.example.com', 'sec-fetch-site': 'cross-site' };
    expect((await client.post('/login/challenge', { email: 'app@example.com' }, trusted)).status).toBe(200);
    expect((await client.post('/login/challenge', { email: 'curl@example.com' })).status).toBe(200);

    const proxied = await startTestStack({ env: { PUBLIC_URL: 'https://onboarding.example.com' } });
    try {
      const res = await proxied
        .client()
        .post(
          '/login/challenge',
          { email: 'proxied@example.com' },
          { origin: 'https://onboarding.example.com' },
        );
      expect(res.status).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('exempt by design: signed webhooks and Authorization: Bearer clients', async () => {
    const { user, session, scanRef } = await signInAndStart(stack, 'csrf-exempt@example.com');
    const body = JSON.stringify(
      idenfyResult({ scanRef, clientId: session.client_id, overall: 'APPROVED', final: true }),
    );
    const hook = await stack.client().request('POST', '/webhooks/idenfy', {
      body,
      headers: {
        'content-type': 'application/json',
        'idenfy-signature': idenfySignature(body),
        origin: EVIL,
      },
    });
    expect(hook.status).toBe(200);
    const admin = await stack
      .client()
      .post('/kyc/reset', { user_id: user.id }, { authorization: `Bearer ${ADMIN_API_TOKEN}`, origin: EVIL });
    expect(admin.status).toBe(200);
  });

  it("a bearer header cannot carry a cross-site request on the victim's cookie", async () => {
    const { client } = await stack.signIn('csrf-bearer@example.com');
    const res = await client.post('/logout', undefined, {
      authorization: 'Bearer not-the-token',
      origin: EVIL,
    });
    expect(res.status).toBe(401);
    expect((await client.get('/me')).status).toBe(200);
  });

  it('covers routes it has never heard of: the check runs before routing', async () => {
    const unknown = await stack.client().request('POST', '/not-a-route-yet', { headers: { origin: EVIL } });
    expect(unknown.status).toBe(403);
    let changed = false;
    const app = new Hono()
      .use(requireSameOrigin({ publicUrl: 'http://localhost', trustedOrigins: [] }))
      .post('/added-later', (c) => {
        changed = true;
        return c.text('changed');
      })
      .onError((error, c) => c.text(error.message, error instanceof AppError ? error.status : 500));
    const res = await app.request('http://localhost/added-later', {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(changed).toBe(false);
  });
});
