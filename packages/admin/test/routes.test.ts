import { createMemoryLogger } from '@hero-onboarding/server';
import { freePort } from '@hero-onboarding/server/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdminApp } from '../src/app';
import { safeNext } from '../src/auth/require-admin';
import { loadAdminConfig } from '../src/config';
import { serverApi } from '../src/server-api';
import { BrowserLike } from './support/browser-like';

// No server listens here: these routes must answer without one (or say plainly that it is down).
const ORIGIN = 'http://admin.test:8081';
let app: ReturnType<typeof createAdminApp>;
let logger: ReturnType<typeof createMemoryLogger>;
beforeAll(async () => {
  const serverUrl = `http://127.0.0.1:${await freePort()}`;
  const config = loadAdminConfig({
    ADMIN_SERVER_URL: serverUrl,
    ADMIN_API_TOKEN: 'route-test-token-0123456789',
    ADMIN_SESSION_SECRET: 'route-test-admin-secret-0123456789abcdef',
    ADMIN_PUBLIC_URL: ORIGIN,
  });
  logger = createMemoryLogger();
  app = createAdminApp({ config, logger, api: serverApi({ serverUrl, apiToken: config.apiToken }) });
});

describe('admin view without a server', () => {
  it('serves the sign-in page with security headers, no-store and only our own stylesheet', async () => {
    const res = await new BrowserLike(app, ORIGIN).get('/login');
    expect(res.status).toBe(200);
    expect(res.html.startsWith('<!doctype html><html lang="en">')).toBe(true); // standards mode, not quirks
    expect(res.html).toMatch(/<label for="email">/);
    expect(res.html).toContain('href="/assets/admin.css"');
    expect(res.html).not.toMatch(/<script|<style|style="/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('script-src');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the stylesheet and icon as cacheable assets', async () => {
    const css = await app.request('/assets/admin.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await css.text()).toContain('@media (max-width: 44rem)');
    expect((await app.request('/assets/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('sends a signed-out visitor to sign in, remembering the page', async () => {
    const browser = new BrowserLike(app, ORIGIN);
    for (const path of [
      '/kyc',
      '/kyc/review',
      '/users',
      '/users/00000000-0000-4000-8000-000000000000',
      '/',
    ]) {
      const res = await browser.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    const post = await browser.post('/users/00000000-0000-4000-8000-000000000000/reset', {
      confirm: 'reset',
    });
    expect(post.headers.get('location')).toBe('/login');
  });

  it('ignores an admin cookie it did not sign', async () => {
    const browser = new BrowserLike(app, ORIGIN);
    browser.cookies.set('hero_admin', 'forged-session-value');
    const res = await browser.get('/kyc');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/login/);
  });

  it('refuses a form posted from another site before doing anything', async () => {
    const browser = new BrowserLike(app, ORIGIN);
    for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, {}]) {
      const res = await browser.post('/login', { email: 'root@admin.example.com' }, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.html).toContain('data-code="cross_site_request"');
    }
    const sameSite = await browser.post(
      '/login',
      { email: 'root@admin.example.com' },
      { 'sec-fetch-site': 'same-origin' },
    );
    expect(sameSite.status).not.toBe(403);
  });

  it('says plainly when the server does not answer (503 page, not a 500)', async () => {
    const res = await new BrowserLike(app, ORIGIN).post('/login', { email: 'root@admin.example.com' });
    expect(res.status).toBe(503);
    expect(res.html).toContain('data-code="server_unreachable"');
    expect(res.html).toContain('The onboarding server did not answer');
  });

  it('keeps the code step for a sign-in under way only', async () => {
    const res = await new BrowserLike(app, ORIGIN).get('/login/code');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login');
  });

  it('only ever sends a signed-in admin back to a path on this site', () => {
    expect(safeNext('/users?q=a')).toBe('/users?q=a');
    for (const bad of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'kyc', undefined])
      expect(safeNext(bad)).toBe('/kyc/review');
  });

  it('answers /healthz for whoever supervises it', async () => {
    const res = await app.request('/healthz');
    expect(await res.json()).toEqual({ ok: true });
  });
});
