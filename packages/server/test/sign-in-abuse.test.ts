import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { startMailStack } from './support/mail-stack';
import { ADMIN_API_TOKEN, startTestStack } from './support/stack';

// A real deployment's setup: codes go by mail, so an attacker never sees one.
let stack: Awaited<ReturnType<typeof startMailStack>>;
beforeAll(async () => {
  stack = await startMailStack({
    LOGIN_MAX_ATTEMPTS: '5',
    LOGIN_RATE_LIMIT_PER_EMAIL_IP: '5',
    LOGIN_RATE_LIMIT_PER_EMAIL: '10',
    LOGIN_RATE_LIMIT_PER_IP: '100',
  });
});
afterAll(async () => stack?.close());

const from = (ip: string) => ({ 'x-forwarded-for': ip });
const askCode = (client: HttpClient, email: string, ip: string) =>
  client.post('/login/challenge', { email }, from(ip));
const wrongCodeFor = (right: string) => (right === '000000' ? '000001' : '000000');

describe('strangers cannot lock an owner out', () => {
  it('codes asked for by a stranger never replace the code the owner already has', async () => {
    const owner = stack.client();
    expect((await askCode(owner, 'owner1@example.com', '192.0.2.1')).status).toBe(200);
    const ownersCode = stack.mailbox.lastCodeFor('owner1@example.com');
    for (let i = 0; i < 5; i++)
      expect(
        (await askCode(new HttpClient(stack.baseUrl), 'owner1@example.com', '198.51.100.9')).status,
      ).toBe(200);
    const signedIn = await owner.post('/login/verify', { email: 'owner1@example.com', code: ownersCode });
    expect(signedIn.status).toBe(200);
    expect(signedIn.json.user.email).toBe('owner1@example.com');
  });

  it("a stranger's wrong guesses spend the stranger's own attempts, never the owner's", async () => {
    const owner = stack.client();
    await askCode(owner, 'owner2@example.com', '192.0.2.2');
    const ownersCode = stack.mailbox.lastCodeFor('owner2@example.com');
    const stranger = stack.client();
    await askCode(stranger, 'owner2@example.com', '198.51.100.10');
    const guess = { email: 'owner2@example.com', code: wrongCodeFor(ownersCode) };
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await stranger.post('/login/verify', guess)).json.error.code);
    expect(answers).toEqual([
      'invalid_code',
      'invalid_code',
      'invalid_code',
      'invalid_code',
      'code_locked',
      'code_locked',
    ]);
    // Without a challenge of their own there is nothing to guess against.
    const bare = await new HttpClient(stack.baseUrl).post('/login/verify', guess);
    expect(bare.status).toBe(400);
    expect(bare.json.error.code).toBe('challenge_required');
    expect(
      (await owner.post('/login/verify', { email: 'owner2@example.com', code: ownersCode })).status,
    ).toBe(200);
  });

  it('a stranger hammering from one IP uses up that IP, not the owner', async () => {
    for (let i = 0; i < 5; i++) await askCode(stack.client(), 'owner3@example.com', '198.51.100.11');
    const sixth = await askCode(stack.client(), 'owner3@example.com', '198.51.100.11');
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    const owner = stack.client();
    expect((await askCode(owner, 'owner3@example.com', '192.0.2.3')).status).toBe(200);
    const code = stack.mailbox.lastCodeFor('owner3@example.com');
    expect((await owner.post('/login/verify', { email: 'owner3@example.com', code })).status).toBe(200);
  });
});

describe('behind a proxy (TRUST_PROXY)', () => {
  it('only the address the proxy added counts: forged X-Forwarded-For entries do not make a new IP', async () => {
    for (let i = 0; i < 5; i++)
      await askCode(stack.client(), 'forger@example.com', `10.9.9.${i}, 198.51.100.12`);
    const sixth = await askCode(stack.client(), 'forger@example.com', '10.9.9.99, 198.51.100.12');
    expect(sixth.status).toBe(429);
  });
});

describe('brute force', () => {
  it('every code locks after LOGIN_MAX_ATTEMPTS, and the per-address ceiling bounds the guesses from all IPs', async () => {
    const email = 'target@example.com';
    let evaluated = 0;
    let locked = 0;
    for (let i = 0; i < 12; i++) {
      const attacker = stack.client();
      const asked = await askCode(attacker, email, `203.0.113.${i}`);
      if (asked.status === 429) {
        expect(asked.json.error.code).toBe('rate_limited');
        continue;
      }
      const right = stack.mailbox.lastCodeFor(email);
      for (let guess = 0; guess < 7; guess++) {
        const code = String(guess).padStart(6, '0') === right ? '999999' : String(guess).padStart(6, '0');
        const res = await attacker.post('/login/verify', { email, code });
        if (res.json.error?.code === 'invalid_code') evaluated++;
        if (res.json.error?.code === 'code_locked') locked++;
        expect(res.status).not.toBe(200);
      }
      // Locked means locked: the right code no longer works on this challenge either.
      expect((await attacker.post('/login/verify', { email, code: right })).json.error.code).toBe(
        'code_locked',
      );
    }
    // 10 challenges for the address (the ceiling), each giving 4 wrong answers and then "locked".
    expect(stack.mailbox.codesFor(email)).toHaveLength(10);
    expect(evaluated).toBe(10 * 4);
    expect(locked).toBe(10 * 3);
  });
});

describe('the per-IP limit', () => {
  it('is exact under parallel requests through two server instances on one database', async () => {
    const a = await startTestStack({ env: { LOGIN_RATE_LIMIT_PER_IP: '10' } });
    const b = await startTestStack({
      env: { LOGIN_RATE_LIMIT_PER_IP: '10' },
      database: { url: a.databaseUrl, db: a.db },
    });
    try {
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          new HttpClient((i % 2 === 0 ? a : b).baseUrl).post(
            '/login/challenge',
            { email: `parallel-${i}@example.com` },
            from('203.0.113.200'),
          ),
        ),
      );
      expect(answers.filter((r) => r.status === 200)).toHaveLength(10);
      expect(answers.filter((r) => r.status === 429)).toHaveLength(30);
      const rows = await a.db
        .selectFrom('login_challenges')
        .select('id')
        .where('requested_ip', '=', '203.0.113.200')
        .execute();
      expect(rows).toHaveLength(10);
    } finally {
      await b.close();
      await a.close();
    }
  });
});

describe('sign-ins the admin view makes on a browser’s behalf', () => {
  // No proxy is trusted here: only the admin API token makes the server take a forwarded address.
  let direct: Awaited<ReturnType<typeof startMailStack>>;
  beforeAll(async () => {
    direct = await startMailStack({ TRUST_PROXY: 'false', LOGIN_RATE_LIMIT_PER_EMAIL_IP: '5' });
  });
  afterAll(async () => direct?.close());

  const viaAdminView = (email: string, browserIp: string, token = ADMIN_API_TOKEN) =>
    direct
      .client()
      .post(
        '/login/challenge',
        { email },
        { authorization: `Bearer ${token}`, 'x-forwarded-for': browserIp },
      );

  it('count each browser, so one browser cannot spend the limits of every admin behind the admin view', async () => {
    for (let i = 0; i < 5; i++)
      expect((await viaAdminView('boss@example.com', '198.51.100.40')).status).toBe(200);
    expect((await viaAdminView('boss@example.com', '198.51.100.40')).status).toBe(429);
    // The admin, from their own browser through the same admin view, still gets a code.
    expect((await viaAdminView('boss@example.com', '192.0.2.40')).status).toBe(200);
  });

  it('take no forwarded address from anyone without the token', async () => {
    for (let i = 0; i < 5; i++)
      await direct.client().post('/login/challenge', { email: 'boss2@example.com' }, from(`10.1.1.${i}`));
    const forged = await direct
      .client()
      .post('/login/challenge', { email: 'boss2@example.com' }, from('10.1.1.99'));
    expect(forged.status).toBe(429);
    expect((await viaAdminView('boss2@example.com', '10.1.1.99', 'not-the-admin-token')).status).toBe(401);
  });
});
