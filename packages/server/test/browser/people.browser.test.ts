import { type Browser, launchBrowser } from '@hero-onboarding/browser-testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdNavigations, inspectPage, Secrets, startPeopleServer, watchOurPages } from './support';

let server: Awaited<ReturnType<typeof startPeopleServer>>;
let browser: Browser;
const secrets = new Secrets();
const watches: ReturnType<typeof watchOurPages>[] = [];

beforeAll(async () => {
  server = await startPeopleServer();
  browser = await launchBrowser();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh tab with its own cookies: one person. */
async function newPerson(): Promise<Page> {
  const context = await browser.context.browser()?.newContext();
  const page = context === undefined ? await browser.newPage() : await context.newPage();
  watches.push(watchOurPages(page, server.url));
  return page;
}

async function signIn(page: Page, email: string) {
  await page.goto(`${server.url}/`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await page.waitForURL(`${server.url}/login/code`);
  const code = server.lastCode();
  secrets.add(code);
  await page.getByLabel('Six-digit code').fill(code);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${server.url}/`);
}

async function rememberSessionCookie(page: Page) {
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'hero_session')?.value;
  secrets.add(decodeURIComponent(session ?? '').split('.')[0]);
}

describe('a person in a real browser', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPerson();
  });

  it('signs in with the emailed code (a wrong code first)', async () => {
    const res = await page.goto(`${server.url}/`);
    expect(res?.status()).toBe(200);
    // Everything below runs under the server's strict CSP: no inline style or script, forms only to us.
    const csp = (await res?.allHeaders())?.['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(await page.title()).toBe('Sign in · hero-onboarding');
    await inspectPage(page, 'sign-in', secrets);
    await page.getByLabel('Email address').fill('hero@people.example.com');
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.waitForURL(`${server.url}/login/code`);
    const code = server.lastCode();
    secrets.add(code);
    expect(await page.getByText('Dev mode: no email is sent').count()).toBe(1);
    await inspectPage(page, 'code', secrets);

    await page.getByLabel('Six-digit code').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${server.url}/login/verify`);
    expect(await page.getByRole('alert').textContent()).toContain('That code is not right.');
    expect(await page.getByLabel('Six-digit code').getAttribute('aria-invalid')).toBe('true');
    expect(await page.title()).toBe('Error: Enter your code · hero-onboarding');
    await inspectPage(page, 'code-wrong', secrets);

    await page.getByLabel('Six-digit code').fill(code);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);
    await rememberSessionCookie(page);
    expect(await page.locator('h1').textContent()).toBe('Your account');
    expect(await page.locator('header .who').textContent()).toContain('hero@people.example.com');
    expect(await page.locator('.badge').first().textContent()).toBe('Not verified yet');
    await inspectPage(page, 'home-not-verified', secrets);
  });

  it('starts KYC, approves in the iDenfy simulator, and comes back verified', async () => {
    await page.getByRole('link', { name: 'Verify your identity' }).click();
    await page.waitForURL((url) => url.pathname === '/api/v2/redirect');
    const simulator = new URL(page.url());
    secrets.add(simulator.searchParams.get('authToken'));
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(`${server.url}/kyc/return`);
    expect(await page.locator('h1').textContent()).toBe('Identity verified');
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0); // done: no more reloads
    await inspectPage(page, 'kyc-return-verified', secrets);
    await page.getByRole('link', { name: 'Go to your account' }).click();
    await page.waitForURL(`${server.url}/`);
    expect(await page.locator('.badge').first().textContent()).toBe('Verified');
    await inspectPage(page, 'home-verified', secrets);
  });

  it('is told what is wrong with a top-up amount, and keeps what was typed', async () => {
    await page.getByLabel('Amount').fill('10.505');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('alert').textContent()).toContain('at most 2 decimals');
    expect(await page.getByLabel('Amount').inputValue()).toBe('10.505');
    expect(await page.getByLabel('Amount').getAttribute('aria-invalid')).toBe('true');
    await inspectPage(page, 'home-top-up-refused', secrets);
  });

  it('tops up 25.50 USD through the Stripe stand-in and sees the balance', async () => {
    await page.getByLabel('Amount').fill('25.50');
    await page.getByLabel('Currency').selectOption('USD');
    await page.getByLabel('Card').check();
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    // Our checkout page goes on to the provider by itself (a meta refresh).
    await page.waitForURL((url) => url.pathname.startsWith('/c/pay/'));
    expect(await page.locator('.amount').textContent()).toContain('25.50');
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/payment/return');
    await page.locator('h1', { hasText: 'Payment received' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('dl.facts').textContent()).toContain('25.50 USD');
    await inspectPage(page, 'payment-return-paid', secrets);
    await page.getByRole('link', { name: 'Back to your account' }).click();
    await page.waitForURL(`${server.url}/`);
    expect(await page.locator('ul.balances li[data-currency="USD"] .amount').textContent()).toBe('25.50 USD');
    await inspectPage(page, 'home-balance', secrets);
  });

  it('opens another checkout, sees the hand-over page, cancels, and finds the top-up pending', async () => {
    // Hold the hand-over page still (its refresh goes to the stand-in) to look at it, then use its link.
    const release = await holdNavigations(page, '**/c/pay/**');
    await page.getByLabel('Amount').fill('1,000');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.waitForURL((url) => url.pathname === '/payment/checkout');
    expect(await page.locator('h1').textContent()).toBe('Opening the checkout');
    expect(await page.locator('main').textContent()).toContain('1,000.00 USD');
    await inspectPage(page, 'payment-checkout', secrets);
    await release();
    await page.getByRole('link', { name: 'Continue to checkout' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/c/pay/'));
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForURL((url) => url.pathname === '/payment/return');
    expect(await page.locator('h1').textContent()).toBe('Payment pending');
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(1);
    const hold = await holdNavigations(page, /\/payment\/return/);
    await inspectPage(page, 'payment-return-pending', secrets);
    await hold();
    await page.getByRole('link', { name: 'Stop checking' }).click();
    await page.waitForURL((url) => url.searchParams.get('auto') === 'off');
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
  });

  it('signs out', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/`);
    expect(await page.locator('h1').textContent()).toBe('Sign in');
    expect((await page.context().cookies()).some((c) => c.name === 'hero_session')).toBe(false);
  });
});

describe('another person, not verified', () => {
  it('is stopped by the payment gate and sent to KYC', async () => {
    const page = await newPerson();
    await signIn(page, 'blocked@people.example.com');
    await rememberSessionCookie(page);
    await page.getByLabel('Amount').fill('5');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${server.url}/payment/intent`);
    expect(await page.locator('h1').textContent()).toBe('Verify your identity first');
    await inspectPage(page, 'gate', secrets);
    await page.getByRole('link', { name: 'Verify your identity' }).click();
    await page.waitForURL((url) => url.pathname === '/api/v2/redirect');
    secrets.add(new URL(page.url()).searchParams.get('authToken'));

    // Back on our side before finishing: the result page waits, reloading itself, until there is one.
    await page.goto(`${server.url}/kyc/return`);
    expect(await page.locator('h1').textContent()).toBe('Verification in progress');
    expect(await page.locator('meta[http-equiv="refresh"]').getAttribute('content')).toBe('5');
    const hold = await holdNavigations(page, /\/kyc\/return/);
    await inspectPage(page, 'kyc-return-in-progress', secrets);
    await hold();
  });

  it('gets a friendly page for an address that does not exist', async () => {
    const page = await newPerson();
    const res = await page.goto(`${server.url}/no/such/page`);
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await inspectPage(page, 'not-found', secrets);
    const anonymous = await page.goto(`${server.url}/kyc/return`);
    expect(anonymous?.status()).toBe(401);
    await inspectPage(page, 'sign-in-needed', secrets);
  });
});

describe('keyboard only', () => {
  /** The focused element, described as a person would: its role-ish tag and its name. */
  const focused = (page: Page) =>
    page.evaluate(`(() => {
      const el = document.activeElement;
      const label = el.labels && el.labels[0] ? el.labels[0].textContent : el.textContent;
      return el.tagName.toLowerCase() + ':' + (label || '').trim();
    })()`);

  it('signs in with Tab, typing and Enter, in a sensible focus order with a visible focus ring', async () => {
    const page = await newPerson();
    await page.goto(`${server.url}/`);
    const order: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
    }
    expect(order).toEqual([
      'a:Skip to content',
      'a:hero-onboarding',
      'input:Email address',
      'button:Send me a code',
    ]);
    // The ring is drawn: an outline on the focused button.
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    await inspectPage(page, 'keyboard-focus', secrets);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('keys@people.example.com');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/login/code`);
    const code = server.lastCode();
    secrets.add(code);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input:Six-digit code');
    await page.keyboard.type(code);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button:Sign in');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/`);
    expect(await page.locator('h1').textContent()).toBe('Your account');
  });
});

it('saw no broken page on the way (console errors, CSP refusals, failed requests)', () => {
  expect(watches.flatMap((watch) => watch.problems())).toEqual([]);
});
