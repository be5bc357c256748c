import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppClient, lastLoggedCode } from './support/app-client';
import { INLINE_SCRIPT_OR_STYLE, pagesApp, signInByPage } from './support/pages';
import { startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
let app: ReturnType<typeof pagesApp>;
beforeAll(async () => {
  stack = await startTestStack();
  app = pagesApp(stack);
});
afterAll(async () => stack?.close());

describe('the layout and its assets', () => {
  it('/ signed out is the sign-in page: a whole document, labelled, no inline script or style, not cached', async () => {
    const res = await new AppClient(app).page('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.text.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(res.text).toMatch(/<link rel="stylesheet" href="\/assets\/site\.css\?v=[0-9a-f]{12}"\/>/);
    expect(res.text).toContain('<title>Sign in · hero-onboarding</title>');
    expect(res.text).toContain('<form class="stack" method="post" action="/login/challenge">');
    expect(res.text).toContain('<label for="email">Email address</label>');
    expect(res.text).toContain('id="email" name="email" type="email" autocomplete="email"');
    expect(res.text).toContain('<a class="skip" href="#main">Skip to content</a>');
    expect(res.text).not.toMatch(INLINE_SCRIPT_OR_STYLE);
    expect(res.text).not.toContain('Sign out');
  });

  it('serves its stylesheet (cacheable: nothing personal in it) and an icon', async () => {
    const home = await new AppClient(app).page('/');
    const href = /href="(\/assets\/site\.css\?v=[0-9a-f]+)"/.exec(home.text)?.[1] as string;
    const css = await app.request(href);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const text = await css.text();
    expect(text).toContain(':focus-visible');
    expect(text).toContain('@media (min-width: 40rem)');
    const icon = await app.request('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
  });
});

describe('signing in through the forms', () => {
  it('the email form answers 303 to /login/code, the challenge bound to the browser; the address stays out of the URL', async () => {
    const person = new AppClient(app);
    const res = await person.submit('/login/challenge', { email: 'Form.Person@Example.com' });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/login/code');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/hero_login=[^;]+; Max-Age=600; Path=\/login; HttpOnly; SameSite=Lax/);
    const code = lastLoggedCode(stack.logger.lines);

    const page = await person.page('/login/code');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).toContain('<title>Enter your code · hero-onboarding</title>');
    expect(page.text).toContain('<strong>form.person@example.com</strong>');
    expect(page.text).toContain('Dev mode:</strong> no email is sent');
    expect(page.text).toContain('<form class="stack" method="post" action="/login/verify">');
    expect(page.text).toContain('<label for="code">Six-digit code</label>');
    expect(page.text).toContain('autocomplete="one-time-code"');
    expect(page.text).not.toContain(code); // never the code itself, even in dev mode
    expect(page.text).not.toMatch(INLINE_SCRIPT_OR_STYLE);
  });

  it('/login/code without (or with a forged) challenge goes back to /', async () => {
    const stranger = new AppClient(app);
    expect((await stranger.page('/login/code')).location).toBe('/');
    stranger.setCookie('hero_login', '00000000-0000-4000-8000-000000000000.forged-signature');
    const forged = await stranger.page('/login/code');
    expect(forged.status).toBe(303);
    expect(forged.location).toBe('/');
  });

  it('a bad address re-renders the form (400) with the message on the field, what was typed kept and escaped', async () => {
    const res = await new AppClient(app).submit('/login/challenge', { email: '<b>not-an-address' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('<title>Error: Sign in · hero-onboarding</title>');
    expect(res.text).toContain('<div class="notice error" role="alert" data-code="invalid_email">');
    expect(res.text).toContain('<a href="#email">&quot;email&quot; is not a valid email address.</a>');
    expect(res.text).toContain('<p class="field-error" id="email-error">');
    expect(res.text).toContain('value="&lt;b&gt;not-an-address"');
    expect(res.text).toContain('aria-describedby="email-hint email-error" aria-invalid="true"');
    expect(res.text).not.toContain('<b>not-an-address');
  });

  it('too many codes: 429 with Retry-After, the form again with the message', async () => {
    const person = new AppClient(app);
    for (let i = 0; i < stack.config.auth.maxChallengesPerEmail; i++)
      expect((await person.submit('/login/challenge', { email: 'eager@example.com' })).status).toBe(303);
    const res = await person.submit('/login/challenge', { email: 'eager@example.com' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.text).toContain('data-code="rate_limited"');
    expect(res.text).toContain('Too many codes asked for this address; wait and try again.');
    expect(res.text).toContain('value="eager@example.com"');
  });

  it('a wrong code re-renders the code page (400) with the tries left; the right one signs in with a 303 to /', async () => {
    const person = new AppClient(app);
    await person.submit('/login/challenge', { email: 'coder@example.com' });
    const code = lastLoggedCode(stack.logger.lines);
    const wrong = await person.submit('/login/verify', { code: code === '123456' ? '654321' : '123456' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('<title>Error: Enter your code · hero-onboarding</title>');
    expect(wrong.text).toContain('<a href="#code">That code is not right. 4 tries left.</a>');
    expect(wrong.text).toContain('aria-describedby="code-error" aria-invalid="true"');
    expect(wrong.text).toContain('<strong>coder@example.com</strong>');
    const short = await person.submit('/login/verify', { code: '12' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('The code is six digits.');

    const right = await person.submit('/login/verify', { code });
    expect(right.status).toBe(303);
    expect(right.location).toBe('/');
    const cookies = right.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('hero_session='))).toMatch(/HttpOnly; SameSite=Lax/);
    expect(cookies.find((c) => c.startsWith('hero_login='))).toMatch(/Max-Age=0/);
    const home = await person.page('/');
    expect(home.text).toContain('<title>Your account · hero-onboarding</title>');
    expect(home.text).toContain('<span>coder@example.com</span>');
    expect(home.text).toContain(
      '<form method="post" action="/logout"><button type="submit">Sign out</button></form>',
    );
    // Signed in, the code page has nothing to do.
    expect((await person.page('/login/code')).location).toBe('/');

    // The challenge is spent: its code signs no one in again.
    const again = await person.submit('/login/verify', { code });
    expect(again.status).toBe(303);
    expect(again.location).toBe('/');
  });

  it('an expired code: the code page says so (400) and offers a new one', async () => {
    const person = new AppClient(app);
    await person.submit('/login/challenge', { email: 'slow@example.com' });
    const code = lastLoggedCode(stack.logger.lines);
    await stack.db
      .updateTable('login_challenges')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('email', '=', 'slow@example.com')
      .execute();
    const res = await person.submit('/login/verify', { code });
    expect(res.status).toBe(400);
    expect(res.text).toContain('data-code="code_expired"');
    expect(res.text).toContain('<p>There is no valid code for this sign-in; ask for a new one.</p>');
    expect(res.text).toContain('<form class="actions" method="post" action="/login/challenge">');
    expect(res.text).toContain('<input type="hidden" name="email" value="slow@example.com"/>');
  });

  it('API clients get JSON from the same routes, forms included: the Accept header decides', async () => {
    const client = new AppClient(app);
    const json = await client.api('POST', '/login/challenge', { email: 'api@example.com' });
    expect(json.status).toBe(200);
    expect(json.json).toMatchObject({
      sent: true,
      channel: 'dev-log',
      dev_code: expect.stringMatching(/^\d{6}$/),
    });
    const form = await client.request('POST', '/login/verify', {
      body: 'email=api%40example.com&code=000000',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.headers.get('content-type')).toContain('application/json');
    expect(JSON.parse(form.text).error.code).toBe('invalid_code');
  });

  it('signing out from the page answers 303 to / and ends the session; an API client gets JSON', async () => {
    const { person } = await signInByPage(stack, app, 'leaver@example.com');
    const out = await person.submit('/logout', {});
    expect(out.status).toBe(303);
    expect(out.location).toBe('/');
    expect(person.cookie('hero_session')).toBeUndefined();
    expect((await person.page('/')).text).toContain('<title>Sign in · hero-onboarding</title>');
    const api = await signInByPage(stack, app, 'api-leaver@example.com');
    const json = await api.person.api('POST', '/logout');
    expect(json.json).toEqual({ signed_out: true });
  });
});

describe('errors for browsers', () => {
  it('an unknown address is a friendly 404 page; API clients keep the JSON', async () => {
    const page = await new AppClient(app).page('/no/such/page');
    expect(page.status).toBe(404);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).toContain('<title>Page not found · hero-onboarding</title>');
    expect(page.text).toContain('<a class="button" href="/">Go to the start page</a>');
    const api = await new AppClient(app).api('GET', '/no/such/page');
    expect(api.status).toBe(404);
    expect(api.json).toEqual({ error: { code: 'not_found', message: 'No such route.' } });
  });

  it('a page that needs a person says to sign in (401) and links to the form', async () => {
    const page = await new AppClient(app).page('/kyc/return');
    expect(page.status).toBe(401);
    expect(page.text).toContain('<title>Please sign in · hero-onboarding</title>');
    expect(page.text).toContain('data-code="unauthenticated"');
    expect(page.text).toContain('<a class="button" href="/">Sign in</a>');
  });
});
