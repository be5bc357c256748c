import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionsOf } from './support/kyc';
import { INLINE_SCRIPT_OR_STYLE, metaRefresh, pagesApp, signInByPage } from './support/pages';
import { startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
let app: ReturnType<typeof pagesApp>;
beforeAll(async () => {
  stack = await startTestStack();
  app = pagesApp(stack);
});
afterAll(async () => stack?.close());

/** A person who started KYC through /kyc/start; the token iDenfy (the simulator) minted for them. */
async function started(email: string) {
  const signedIn = await signInByPage(stack, app, email);
  const start = await signedIn.person.page('/kyc/start');
  const [session] = await sessionsOf(stack, signedIn.user.id);
  return { ...signedIn, start, session, token: session?.idenfy_auth_token as string };
}

describe('KYC pages', () => {
  it('/kyc/start redirects to iDenfy with the token in the URL, so the answer is never stored', async () => {
    const { start, token } = await started('starter@example.com');
    expect(start.status).toBe(302);
    expect(start.location).toContain(token);
    expect(start.headers.get('cache-control')).toBe('no-store');
  });

  it('in progress: /kyc/return reloads itself, links back through /kyc/start, and never shows the token', async () => {
    const { person, token } = await started('waiting@example.com');
    const page = await person.page('/kyc/return');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).toContain('<title>Verification in progress · hero-onboarding</title>');
    expect(metaRefresh(page.text)).toBe('5');
    expect(page.text).toContain('<a class="button" href="/kyc/start">Continue verification</a>');
    expect(page.text).toContain('<a href="/kyc/return?auto=off">Stop checking</a>');
    expect(page.text).not.toContain(token);
    expect(page.text).not.toContain('api/v2/redirect');
    expect(page.text).not.toMatch(INLINE_SCRIPT_OR_STYLE);
    const still = await person.page('/kyc/return?auto=off');
    expect(metaRefresh(still.text)).toBeUndefined();
    expect(still.text).toContain('<a href="/kyc/return?auto=off">Check again</a>');
    // The home page shows the same step, also without the token.
    const home = await person.page('/');
    expect(home.text).toContain('You started verifying your identity. Continue where you left off.');
    expect(home.text).toContain('<a class="button secondary" href="/kyc/return">Check the result</a>');
    expect(home.text).not.toContain(token);
  });

  it('the JSON answers that carry the token are not stored either, and keep their shape', async () => {
    const { person, token } = await started('json-token@example.com');
    for (const path of ['/kyc/return', '/kyc/status', '/me']) {
      const res = await person.api('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      expect(res.json.kyc.auth_token, path).toBe(token);
    }
  });

  it('approved: the page says so and stops reloading; the way on is the account', async () => {
    const { person, session } = await started('approved@example.com');
    await stack.simulator.complete(session?.idenfy_scan_ref as string, { overall: 'APPROVED', final: true });
    const page = await person.page('/kyc/return');
    expect(page.text).toContain('<title>Identity verified · hero-onboarding</title>');
    expect(page.text).toContain('data-status="completed"');
    expect(metaRefresh(page.text)).toBeUndefined();
    expect(page.text).toContain('<a class="button" href="/">Go to your account</a>');
  });

  it('denied: no reloading, and a Start over form posting to /kyc/reset, which answers 303 back here', async () => {
    const { person, session } = await started('denied@example.com');
    await stack.simulator.complete(session?.idenfy_scan_ref as string, { overall: 'DENIED', final: true });
    const page = await person.page('/kyc/return');
    expect(page.text).toContain('<title>Verification failed · hero-onboarding</title>');
    expect(metaRefresh(page.text)).toBeUndefined();
    expect(page.text).toContain(
      '<form class="actions" method="post" action="/kyc/reset"><button type="submit">Start over</button></form>',
    );
    const reset = await person.submit('/kyc/reset', {});
    expect(reset.status).toBe(303);
    expect(reset.location).toBe('/kyc/return');
    const after = await person.page('/kyc/return');
    expect(after.text).toContain('Verification has not started yet.');
    expect(metaRefresh(after.text)).toBeUndefined(); // nothing to wait for
    expect(after.text).toContain('<a class="button" href="/kyc/start">Verify your identity</a>');
  });
});
