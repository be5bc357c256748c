import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAndStart } from './support/kyc';
import { ADMIN_API_TOKEN, startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.close());

const html = { accept: 'text/html' };
const cookieLine = (headers: Headers, name: string) =>
  headers.getSetCookie().find((line) => line.startsWith(`${name}=`)) ?? '';

describe('security headers', () => {
  it('every HTML page has a CSP without inline script or style, no framing, nosniff, no referrer', async () => {
    const { client } = await signInAndStart(stack, 'pages@example.com');
    const pages = [
      await client.get('/kyc/return', html),
      await stack.client().get('/kyc/status', html), // 401 page
      await stack.client().get('/no-such-page', html), // 404 page
    ];
    for (const page of pages) {
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toMatch(/script-src/);
      expect(page.text).not.toMatch(/<script/i);
      // No inline style at all: the one stylesheet is served from our own origin.
      expect(page.text).not.toMatch(/<style|\sstyle=/i);
      expect(csp).toContain("style-src 'self'");
      expect(page.text).toMatch(/<link rel="stylesheet" href="\/assets\/site\.css\?v=[0-9a-f]+"\/>/);
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('strict-transport-security')).toBeNull(); // plain http here
    }
  });

  it('HSTS when served over https', async () => {
    const https = await startTestStack({ env: { PUBLIC_URL: 'https://onboarding.example.com' } });
    try {
      const res = await https.client().get('/healthz');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      await https.close();
    }
  });

  it('Cache-Control: no-store on everything that carries a token, a code, a cookie or personal data', async () => {
    const client = stack.client();
    const challenge = await client.post('/login/challenge', { email: 'nostore@example.com' });
    const verify = await client.post('/login/verify', {
      email: 'nostore@example.com',
      code: challenge.json.dev_code,
    });
    const answers = [
      challenge,
      verify,
      await client.get('/me'),
      await client.get('/kyc/start'),
      await client.get('/kyc/status'),
      await client.get('/kyc/return', html),
      await stack.client().get('/admin/list-users', { authorization: `Bearer ${ADMIN_API_TOKEN}` }),
      await stack.client().get('/kyc/status'),
      await client.post('/logout'),
    ];
    expect(answers[3]?.status).toBe(302);
    for (const res of answers) expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('cookies', () => {
  it('hero_login and hero_session are HttpOnly, SameSite=Lax, scoped, short-lived; logout clears the session', async () => {
    const client = stack.client();
    const challenge = await client.post('/login/challenge', { email: 'flags@example.com' });
    const login = cookieLine(challenge.headers, 'hero_login');
    expect(login).toMatch(/HttpOnly/i);
    expect(login).toMatch(/SameSite=Lax/i);
    expect(login).toMatch(/Path=\/login(;|$)/);
    expect(login).toMatch(/Max-Age=600/);
    expect(login).not.toMatch(/Secure/);

    const verify = await client.post('/login/verify', {
      email: 'flags@example.com',
      code: challenge.json.dev_code,
    });
    const session = cookieLine(verify.headers, 'hero_session');
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).toMatch(/Path=\/(;|$)/);
    const expires = new Date(/Expires=([^;]+)/i.exec(session)?.[1] ?? 0).getTime();
    expect(expires - Date.now()).toBeGreaterThan(6 * 86_400_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(7 * 86_400_000 + 60_000);
    // The challenge cookie is spent with the code.
    expect(cookieLine(verify.headers, 'hero_login')).toMatch(/Max-Age=0/);

    const logout = await client.post('/logout');
    expect(cookieLine(logout.headers, 'hero_session')).toMatch(/Max-Age=0/);
  });

  it('both cookies are Secure when the public URL is https', async () => {
    const https = await startTestStack({ env: { PUBLIC_URL: 'https://onboarding.example.com' } });
    try {
      const client = https.client();
      const challenge = await client.post('/login/challenge', { email: 'secure-flags@example.com' });
      expect(cookieLine(challenge.headers, 'hero_login')).toMatch(/;\s*Secure/i);
      const verify = await client.post('/login/verify', {
        email: 'secure-flags@example.com',
        code: challenge.json.dev_code,
      });
      expect(cookieLine(verify.headers, 'hero_session')).toMatch(/;\s*Secure/i);
    } finally {
      await https.close();
    }
  });
});
