import {
  type Browser,
  launchBrowser,
  leakedSecrets,
  screenshotPage,
  unlabelledFields,
  watchPage,
} from '@hero-onboarding/browser-testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paidTopUp, personWithKyc } from './support/people';
import {
  ADMIN_API_TOKEN,
  ADMIN_EMAIL,
  type AdminStack,
  SESSION_SECRET,
  startAdminStack,
} from './support/stack';

let stack: AdminStack;
let browser: Browser;
let page: Page;
let watch: ReturnType<typeof watchPage>;
let hero: { userId: string; session: string };
const secrets: string[] = [];

beforeAll(async () => {
  stack = await startAdminStack();
  await personWithKyc(stack.serverUrl, 'ana@people.example.com', { overall: 'SUSPECTED' });
  await personWithKyc(stack.serverUrl, 'bob@people.example.com', { overall: 'REVIEWING', final: false });
  await personWithKyc(stack.serverUrl, 'dan@people.example.com', { overall: 'DENIED' });
  hero = await personWithKyc(stack.serverUrl, 'hero@people.example.com', { overall: 'APPROVED' });
  await paidTopUp(stack.serverUrl, hero.session, 5000);
  secrets.push(ADMIN_API_TOKEN, SESSION_SECRET, stack.config.sessionSecret, hero.session);
  browser = await launchBrowser();
  page = await browser.newPage();
  watch = watchPage(page);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** Every admin page we show: screenshots at both widths, nothing sideways, styled, labelled, no secret in it. */
async function inspect(name: string) {
  const shots = await screenshotPage(page, `admin-${name}`);
  expect(shots.overflow, name).toEqual({ phone: 0, desktop: 0 });
  // The stylesheet loaded under the CSP: the page background is ours, not the browser's white.
  expect(await page.evaluate('getComputedStyle(document.body).backgroundColor'), name).toBe(
    'rgb(245, 247, 250)',
  );
  expect(await unlabelledFields(page), name).toEqual([]);
  expect(await leakedSecrets(page, secrets), name).toEqual([]);
  expect(await page.getAttribute('html', 'lang')).toBe('en');
}

const rowEmails = () => page.locator('td[data-label="User"] a, td[data-label="Email"] a').allTextContents();

describe('an admin in a real browser', () => {
  it('signs in with the emailed code and lands where they were going', async () => {
    await page.goto(`${stack.url}/kyc`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await inspect('sign-in');
    await page.getByLabel('Email address').fill(ADMIN_EMAIL);
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.waitForURL(`${stack.url}/login/code`);
    await expect(page.getByText('Dev mode: no email is sent')).toBeTruthy();
    await inspect('code');
    const code = stack.lastCode();
    secrets.push(code);
    await page.getByLabel('Six-digit code').fill(code);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${stack.url}/kyc`);
    expect(await page.locator('h1').textContent()).toBe('KYC sessions');
    const cookies = await browser.context.cookies();
    const adminCookie = cookies.find((c) => c.name === 'hero_admin');
    expect(adminCookie?.httpOnly).toBe(true);
    secrets.push(decodeURIComponent(adminCookie?.value ?? '').split('.')[0] ?? '');
  });

  it('finds the user in /kyc, filters by email and by status', async () => {
    expect(await rowEmails()).toContain('hero@people.example.com');
    await inspect('kyc');
    await page.getByLabel('Email contains').fill('hero@');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/q=hero%40/);
    expect(await rowEmails()).toEqual(['hero@people.example.com']);
    await page.getByLabel('Email contains').fill('');
    await page.getByLabel('Status').selectOption('failed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/status=failed/);
    expect(await rowEmails()).toEqual(['dan@people.example.com']);
    await inspect('kyc-filtered');
  });

  it('sees the review queue', async () => {
    await page.getByRole('link', { name: 'Review queue' }).click();
    await page.waitForURL(`${stack.url}/kyc/review`);
    expect(await rowEmails()).toEqual(['bob@people.example.com', 'ana@people.example.com']);
    await inspect('review-queue');
  });

  it('finds the user in /users and opens them', async () => {
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.waitForURL(`${stack.url}/users`);
    await inspect('users');
    await page.getByLabel('KYC status').selectOption('completed');
    await page.getByLabel('Email contains').fill('hero');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/kyc_status=completed/);
    expect(await rowEmails()).toEqual(['hero@people.example.com']);
    await page.getByRole('link', { name: 'hero@people.example.com' }).click();
    await page.waitForURL(`${stack.url}/users/${hero.userId}`);
    expect(await page.locator('h1').textContent()).toBe('hero@people.example.com');
    expect(await page.locator('dl.facts .badge').first().textContent()).toBe('completed');
    expect(await page.locator('dl.facts .balances').textContent()).toBe('50.00 USD');
    await inspect('user');
  });

  it('resets them after confirming', async () => {
    await page.getByRole('link', { name: 'Reset KYC…' }).click();
    await page.waitForURL(`${stack.url}/users/${hero.userId}/reset`);
    await inspect('reset-confirm');
    await page.getByRole('button', { name: 'Yes, reset KYC' }).click();
    await page.waitForURL(`${stack.url}/users/${hero.userId}?done=reset`);
    expect(await page.getByRole('status').first().textContent()).toContain('KYC was reset');
    expect(await page.locator('dl.facts .badge').first().textContent()).toBe('pending');
    await inspect('user-after-reset');
    const row = await stack.database.db
      .selectFrom('users')
      .select('kyc_status')
      .where('id', '=', hero.userId)
      .executeTakeFirstOrThrow();
    expect(row.kyc_status).toBe('pending');
  });

  it('sees the top-ups', async () => {
    await page.getByRole('link', { name: 'Top-ups' }).click();
    await page.waitForURL(`${stack.url}/top-ups`);
    expect(await rowEmails()).toEqual(['hero@people.example.com']);
    expect(await page.locator('td[data-label="Amount"]').textContent()).toBe('50.00 USD');
    await inspect('top-ups');
  });

  it('gets a readable page for a wrong address, and signs out', async () => {
    const missing = await page.goto(`${stack.url}/users/00000000-0000-4000-8000-000000000000`);
    expect(missing?.status()).toBe(404);
    await inspect('not-found');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${stack.url}/login`);
    expect((await browser.context.cookies()).some((c) => c.name === 'hero_admin')).toBe(false);
  });

  it('saw no broken page on the way (console errors, CSP refusals, failed requests)', () => {
    expect(watch.problems()).toEqual([]);
  });
});
