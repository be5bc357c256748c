import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    env: { LOGIN_MAX_ATTEMPTS: '3', LOGIN_RATE_LIMIT_PER_EMAIL: '3', LOGIN_RATE_LIMIT_PER_IP: '4' },
  });
});
afterAll(async () => stack?.close());

const fromIp = (ip: string) => ({ 'x-forwarded-for': ip });

describe('email one-time-code sign-in', () => {
  it('challenge -> verify sets a signed HttpOnly SameSite cookie; /me works; logout revokes it', async () => {
    const client = stack.client();
    const challenge = await client.post(
      '/login/challenge',
      { email: '  Mixed.Case@Example.com ' },
      fromIp('192.0.2.10'),
    );
    expect(challenge.status).toBe(200);
    expect(challenge.json).toMatchObject({ sent: true, channel: 'dev-log' });
    expect(challenge.json.dev_code).toMatch(/^\d{6}$/);

    const stored = await stack.db
      .selectFrom('login_challenges')
      .selectAll()
      .where('email', '=', 'mixed.case@example.com')
      .executeTakeFirstOrThrow();
    expect(stored.code_hash).not.toContain(challenge.json.dev_code);

    const verify = await client.request('POST', '/login/verify', {
      json: { email: 'mixed.case@example.com', code: challenge.json.dev_code },
    });
    expect(verify.status).toBe(200);
    const cookie = verify.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/hero_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/); // served over plain http here

    const me = await client.get('/me');
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({
      user: { email: 'mixed.case@example.com', role: 'user', kyc_status: 'pending' },
      balances: [],
    });

    // The same cookie replayed after logout is dead: the session is revoked server-side.
    const stolen = new HttpClient(stack.baseUrl);
    const replay = () =>
      stolen.request('GET', '/me', { headers: { cookie: `hero_session=${client.cookie('hero_session')}` } });
    expect((await replay()).status).toBe(200);
    expect((await client.post('/logout')).status).toBe(200);
    expect((await client.get('/me')).status).toBe(401);
    expect((await replay()).status).toBe(401);
  });

  it('the cookie is Secure when the public URL is https', async () => {
    const https = await startTestStack({ env: { PUBLIC_URL: 'https://onboarding.example.com' } });
    try {
      const client = https.client();
      const { json } = await client.post('/login/challenge', { email: 'secure@example.com' });
      const verify = await client.post('/login/verify', { email: 'secure@example.com', code: json.dev_code });
      expect(verify.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    } finally {
      await https.close();
    }
  });

  it('a code is single-use', async () => {
    const client = stack.client();
    const { json } = await client.post(
      '/login/challenge',
      { email: 'once@example.com' },
      fromIp('192.0.2.11'),
    );
    const right = { email: 'once@example.com', code: json.dev_code, challenge_id: json.challenge_id };
    expect((await client.post('/login/verify', right)).status).toBe(200);
    const again = await client.post('/login/verify', right);
    expect(again.status).toBe(400);
    expect(again.json.error.code).toBe('code_expired');
  });

  it('a forged or tampered cookie is not a session', async () => {
    const res = await stack.client().request('GET', '/me', { headers: { cookie: 'hero_session=abc.def' } });
    expect(res.status).toBe(401);
  });

  it('wrong codes lock the challenge after LOGIN_MAX_ATTEMPTS, even for the right code', async () => {
    const client = stack.client();
    const { json } = await client.post(
      '/login/challenge',
      { email: 'guess@example.com' },
      fromIp('192.0.2.12'),
    );
    const wrong = json.dev_code === '000000' ? '111111' : '000000';
    const first = await client.post('/login/verify', { email: 'guess@example.com', code: wrong });
    expect(first.status).toBe(400);
    expect(first.json.error).toMatchObject({ code: 'invalid_code', attempts_left: 2 });
    await client.post('/login/verify', { email: 'guess@example.com', code: wrong });
    const third = await client.post('/login/verify', { email: 'guess@example.com', code: wrong });
    expect(third.status).toBe(429);
    expect(third.json.error.code).toBe('code_locked');
    const right = await client.post('/login/verify', { email: 'guess@example.com', code: json.dev_code });
    expect(right.status).toBe(429);
    expect(right.json.error.code).toBe('code_locked');
  });

  it('parallel wrong guesses cannot exceed the attempt limit', async () => {
    const client = stack.client();
    const { json } = await client.post(
      '/login/challenge',
      { email: 'parallel@example.com' },
      fromIp('192.0.2.13'),
    );
    const wrong = json.dev_code === '000000' ? '111111' : '000000';
    await Promise.all(
      Array.from({ length: 10 }, () =>
        client.post('/login/verify', { email: 'parallel@example.com', code: wrong }),
      ),
    );
    const row = await stack.db
      .selectFrom('login_challenges')
      .select('attempts')
      .where('email', '=', 'parallel@example.com')
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(3);
  });

  it('an expired code is refused', async () => {
    const client = stack.client();
    const { json } = await client.post(
      '/login/challenge',
      { email: 'late@example.com' },
      fromIp('192.0.2.14'),
    );
    await stack.db
      .updateTable('login_challenges')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('email', '=', 'late@example.com')
      .execute();
    const res = await client.post('/login/verify', { email: 'late@example.com', code: json.dev_code });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('code_expired');
  });

  it('rate-limits challenges per email and per IP with Retry-After', async () => {
    const client = stack.client();
    for (let i = 0; i < 3; i++)
      expect(
        (await client.post('/login/challenge', { email: 'busy@example.com' }, fromIp(`198.51.100.${i}`)))
          .status,
      ).toBe(200);
    const limited = await client.post(
      '/login/challenge',
      { email: 'busy@example.com' },
      fromIp('198.51.100.99'),
    );
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    for (let i = 0; i < 4; i++)
      expect(
        (await client.post('/login/challenge', { email: `ip${i}@example.com` }, fromIp('203.0.113.7')))
          .status,
      ).toBe(200);
    const byIp = await client.post(
      '/login/challenge',
      { email: 'ip-next@example.com' },
      fromIp('203.0.113.7'),
    );
    expect(byIp.status).toBe(429);
  });

  it('bad input is a 400 with a code, never a 500', async () => {
    const client = stack.client();
    const cases: [string, unknown, string][] = [
      ['/login/challenge', { email: 'not-an-email' }, 'invalid_email'],
      ['/login/challenge', {}, 'invalid_email'],
      ['/login/challenge', { email: 42 }, 'invalid_email'],
      ['/login/verify', { email: 'a@example.com' }, 'invalid_request'],
      ['/login/verify', { email: 'a@example.com', code: 'abc' }, 'invalid_code'],
    ];
    for (const [path, body, code] of cases) {
      const res = await client.post(path, body, fromIp('192.0.2.99'));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe(code);
    }
    const notJson = await client.request('POST', '/login/challenge', {
      body: '{oops',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.code).toBe('invalid_json');
  });

  it('never writes the code, the email or the session token to the log outside dev-mode code lines', async () => {
    const { client } = await stack.signIn('private.person@example.com');
    const log = stack.logger.lines.join('\n');
    expect(log).not.toContain('private.person@example.com');
    expect(log).not.toContain(client.cookie('hero_session') ?? 'no-cookie');
  });
});
