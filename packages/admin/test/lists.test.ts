import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminApp } from '../src/app';
import { serverApi } from '../src/server-api';
import { BrowserLike } from './support/browser-like';
import { paidTopUp, personWithKyc } from './support/people';
import { adminSignIn } from './support/sign-in';
import { ADMIN_EMAIL, type AdminStack, startAdminStack } from './support/stack';

let stack: AdminStack;
let admin: BrowserLike;
const ids: Record<string, string> = {};
const sessions: Record<string, string> = {};

/** The user emails a list page shows, in order. */
const emailsIn = (html: string) =>
  [...html.matchAll(/<a class="email" href="\/users\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);

beforeAll(async () => {
  stack = await startAdminStack();
  const people: [string, { overall: string; final?: boolean } | undefined][] = [
    ['ana', { overall: 'SUSPECTED' }],
    ['bob', { overall: 'REVIEWING', final: false }],
    ['cleo', { overall: 'APPROVED' }],
    ['dan', { overall: 'DENIED' }],
    ['eve', undefined],
  ];
  for (const [name, outcome] of people) {
    const person = await personWithKyc(stack.serverUrl, `${name}@kyc.example.com`, outcome);
    ids[name] = person.userId;
    sessions[name] = person.session;
  }
  // Cleo (verified) tops up twice; the balance is their sum.
  await paidTopUp(stack.serverUrl, sessions.cleo as string, 2500);
  await paidTopUp(stack.serverUrl, sessions.cleo as string, 123456);
  admin = (await adminSignIn(stack, ADMIN_EMAIL)).browser;
});
afterAll(async () => stack?.close());

describe('/kyc and the review queue', () => {
  it('lists every session newest first with its user, status, provider status and re-mints', async () => {
    const page = await admin.get('/kyc');
    expect(page.status).toBe(200);
    expect(emailsIn(page.html)).toEqual(
      ['eve', 'dan', 'cleo', 'bob', 'ana'].map((n) => `${n}@kyc.example.com`),
    );
    expect(page.html).toContain('<span class="badge review">SUSPECTED</span>');
    expect(page.html).toContain('<span class="badge failed">DENIED</span>');
    expect(page.html).toContain('<td data-label="Re-mints" class="num">0</td>');
  });

  it('filters by status and by email, keeping the filters in the form', async () => {
    const completed = await admin.get('/kyc?status=completed');
    expect(emailsIn(completed.html)).toEqual(['cleo@kyc.example.com', 'ana@kyc.example.com']);
    expect(completed.html).toContain('<option value="completed" selected="">completed</option>');
    const bob = await admin.get('/kyc?q=BOB');
    expect(emailsIn(bob.html)).toEqual(['bob@kyc.example.com']);
    expect(bob.html).toContain('value="BOB"');
    const none = await admin.get('/kyc?status=failed&q=ana');
    expect(none.html).toContain('No KYC sessions match.');
  });

  it('pages with the server cursor, filters kept', async () => {
    const first = await admin.get('/kyc?limit=2&q=kyc.example.com');
    expect(emailsIn(first.html)).toEqual(['eve@kyc.example.com', 'dan@kyc.example.com']);
    const next = /<a href="([^"]+)" rel="next">/.exec(first.html)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toMatch(/^\/kyc\?q=kyc\.example\.com&limit=2&cursor=/);
    const second = await admin.get(next ?? '');
    expect(emailsIn(second.html)).toEqual(['cleo@kyc.example.com', 'bob@kyc.example.com']);
    expect(second.html).toContain('← Newest');
  });

  it('the review queue holds what ended SUSPECTED or sits in REVIEWING, and nothing else', async () => {
    const queue = await admin.get('/kyc/review');
    expect(emailsIn(queue.html)).toEqual(['bob@kyc.example.com', 'ana@kyc.example.com']);
    expect(queue.html).toContain('aria-current="page">Review queue');
  });

  it('bad filters come back as the server explained them (400), never a 500', async () => {
    const badStatus = await admin.get('/kyc?status=bogus');
    expect(badStatus.status).toBe(400);
    expect(badStatus.html).toContain('&quot;status&quot; must be one of');
    expect((await admin.get('/users?limit=0')).status).toBe(400);
    expect((await admin.get('/kyc?cursor=garbage')).status).toBe(400);
  });
});

describe('/users and a user', () => {
  it('lists users with their KYC status, filtered by status and email', async () => {
    const failed = await admin.get('/users?kyc_status=failed');
    expect(emailsIn(failed.html)).toEqual(['dan@kyc.example.com']);
    const cleo = await admin.get('/users?q=cleo');
    expect(emailsIn(cleo.html)).toEqual(['cleo@kyc.example.com']);
    expect(cleo.html).toContain('<span class="badge completed">completed</span>');
  });

  it("shows one user's account and sessions; unknown or malformed ids are a 404 page", async () => {
    const page = await admin.get(`/users/${ids.ana}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>ana@kyc.example.com</h1>');
    expect(page.html).toContain('<span class="badge review">SUSPECTED</span>');
    expect(page.html).toContain(`href="/users/${ids.ana}/reset"`);
    expect((await admin.get('/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/users/not-an-id')).status).toBe(404);
  });
});

describe('balances and top-ups', () => {
  it('shows balances in /users and on the user page, with their top-ups', async () => {
    const list = await admin.get('/users?q=cleo');
    expect(list.html).toContain(
      '<td data-label="Balance"><span class="balances"><span>1,259.56 USD</span></span></td>',
    );
    const ana = await admin.get('/users?q=ana');
    expect(ana.html).toContain('<td data-label="Balance"><span class="muted">0</span></td>');
    const page = await admin.get(`/users/${ids.cleo}`);
    expect(page.html).toContain('<span>1,259.56 USD</span>');
    expect(page.html.match(/<td data-label="Amount" class="num">/g)).toHaveLength(2);
    expect(page.html).toContain('<td data-label="Amount" class="num">1,234.56 USD</td>');
    expect(page.html).toContain('<span class="badge paid">paid</span>');
  });

  it('/top-ups lists them with their user, filtered by status, provider and email', async () => {
    const all = await admin.get('/top-ups');
    expect(all.status).toBe(200);
    expect(emailsIn(all.html)).toEqual(['cleo@kyc.example.com', 'cleo@kyc.example.com']);
    expect(all.html).toContain('aria-current="page">Top-ups');
    const filtered = await admin.get('/top-ups?status=paid&provider=stripe&q=cleo');
    expect(emailsIn(filtered.html)).toHaveLength(2);
    // The form keeps what was asked, so the next filter starts from it.
    expect(filtered.html).toContain('<option value="paid" selected="">paid</option>');
    expect(filtered.html).toContain('<option value="stripe" selected="">stripe</option>');
    expect(filtered.html).toContain('value="cleo"');
    expect((await admin.get('/top-ups?status=failed')).html).toContain('No top-ups match.');
    const flagged = await admin.get('/top-ups?flagged=true');
    expect(flagged.html).toContain('No top-ups match.');
    expect(flagged.html).toContain('<option value="true" selected="">flagged only</option>');
    expect((await admin.get('/top-ups?status=bogus')).status).toBe(400);
  });
});

describe('resetting a user', () => {
  const userRow = (id: string) =>
    stack.database.db
      .selectFrom('users')
      .select(['kyc_status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('asks first, then resets with a CSRF-safe POST made as the admin', async () => {
    const confirm = await admin.get(`/users/${ids.cleo}/reset`);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('Reset identity verification for <strong>cleo@kyc.example.com</strong>?');
    const token = BrowserLike.csrfToken(confirm.html);

    const noToken = await admin.post(`/users/${ids.cleo}/reset`, { confirm: 'reset' });
    expect(noToken.status).toBe(403);
    const otherSite = await admin.post(
      `/users/${ids.cleo}/reset`,
      { _csrf: token, confirm: 'reset' },
      { origin: 'https://evil.example' },
    );
    expect(otherSite.status).toBe(403);
    const unconfirmed = await admin.post(`/users/${ids.cleo}/reset`, { _csrf: token });
    expect(unconfirmed.status).toBe(400);
    expect((await userRow(ids.cleo as string)).kyc_status).toBe('completed');

    const done = await admin.post(`/users/${ids.cleo}/reset`, { _csrf: token, confirm: 'reset' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/users/${ids.cleo}?done=reset`);
    expect((await userRow(ids.cleo as string)).kyc_status).toBe('pending');
    const after = await admin.get(done.headers.get('location') ?? '');
    expect(after.html).toContain('KYC was reset');
    expect(after.html).toContain('<span class="badge pending">pending</span>');
  });

  it('a token from another admin session does not work in this one', async () => {
    const other = (await adminSignIn(stack, ADMIN_EMAIL)).browser;
    const otherToken = BrowserLike.csrfToken((await other.get(`/users/${ids.dan}/reset`)).html);
    const res = await admin.post(`/users/${ids.dan}/reset`, { _csrf: otherToken, confirm: 'reset' });
    expect(res.status).toBe(403);
    expect((await userRow(ids.dan as string)).kyc_status).toBe('failed');
  });
});

describe('a misconfigured admin view', () => {
  it('says the server refused its API token (502), without showing the token', async () => {
    const wrongToken = 'not-the-servers-token-0000000000';
    const app = createAdminApp({
      config: { ...stack.config, apiToken: wrongToken },
      logger: stack.logger,
      api: serverApi({ serverUrl: stack.serverUrl, apiToken: wrongToken }),
    });
    const browser = new BrowserLike(app, stack.url);
    for (const [name, value] of admin.cookies) browser.cookies.set(name, value);
    const res = await browser.get('/kyc');
    expect(res.status).toBe(502);
    expect(res.html).toContain('check that ADMIN_API_TOKEN is the same on both');
    expect(res.html).not.toContain(wrongToken);
  });
});
