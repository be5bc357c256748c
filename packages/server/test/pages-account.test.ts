import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppClient } from './support/app-client';
import { sessionsOf } from './support/kyc';
import { INLINE_SCRIPT_OR_STYLE, metaRefresh, pagesApp, signInByPage } from './support/pages';
import { balancesOf, countRows, topUpRow } from './support/payments';
import { startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
let app: ReturnType<typeof pagesApp>;
beforeAll(async () => {
  stack = await startTestStack();
  app = pagesApp(stack);
});
afterAll(async () => stack?.close());

/** A person signed in through the pages whose KYC the simulator approved (a real signed webhook). */
async function verifiedPerson(email: string) {
  const signedIn = await signInByPage(stack, app, email);
  expect((await signedIn.person.page('/kyc/start')).status).toBe(302);
  const [session] = await sessionsOf(stack, signedIn.user.id);
  await stack.simulator.complete(session?.idenfy_scan_ref as string, { overall: 'APPROVED', final: true });
  return signedIn;
}

const topUpId = (location: string | null) => /top_up=([0-9a-f-]{36})$/.exec(location ?? '')?.[1] as string;

describe('/ for a signed-in person', () => {
  it('not verified: the status, the way to /kyc/start, no balance yet, and the top-up form with a note', async () => {
    const { person } = await signInByPage(stack, app, 'new@example.com');
    const home = await person.page('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('cache-control')).toBe('no-store');
    expect(home.text).toContain('<span class="badge neutral" data-status="pending">Not verified yet</span>');
    expect(home.text).toContain('<a class="button" href="/kyc/start">Verify your identity</a>');
    expect(home.text).toContain('No money added yet.');
    expect(home.text).toContain('Adding money needs a verified identity');
    expect(home.text).toContain('<form class="stack" method="post" action="/payment/intent">');
    expect(home.text).toContain('name="amount_decimal"');
    expect(home.text).toContain('For example 10.50. From 1.00 to 10,000.00.');
    for (const currency of ['USD', 'TZS', 'EUR']) expect(home.text).toContain(`<option value="${currency}"`);
    expect(home.text).toContain(
      '<input id="provider" type="radio" name="provider" value="stripe" checked=""',
    );
    expect(home.text).toContain('value="clickpesa"');
    expect(home.text).not.toMatch(INLINE_SCRIPT_OR_STYLE);
  });

  it('the gate: a form from a person not verified is a 403 page linking to /kyc/start, and nothing is created', async () => {
    const { person } = await signInByPage(stack, app, 'gated@example.com');
    const before = await countRows(stack, 'top_ups');
    const res = await person.submit('/payment/intent', { amount_decimal: '25', currency: 'USD' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('<title>Verify your identity first · hero-onboarding</title>');
    expect(res.text).toContain('data-code="kyc_required" data-kyc-status="pending"');
    expect(res.text).toContain('<a class="button" href="/kyc/start">Verify your identity</a>');
    expect(await countRows(stack, 'top_ups')).toBe(before);
  });

  it('verified: the date, and a top-up in major units is converted exactly and answered 303 to the hand-over page', async () => {
    const { person, user } = await verifiedPerson('payer@example.com');
    const home = await person.page('/');
    expect(home.text).toContain('<span class="badge good" data-status="completed">Verified</span>');
    expect(home.text).toMatch(/Your identity was verified on \d{1,2} \w+ \d{4}: you can add money\./);
    expect(home.text).not.toContain('Adding money needs a verified identity');

    const res = await person.submit('/payment/intent', {
      amount_decimal: '25.50',
      currency: 'usd',
      provider: 'stripe',
    });
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/^\/payment\/checkout\?top_up=[0-9a-f-]{36}$/);
    const row = await topUpRow(stack, topUpId(res.location));
    expect(row).toMatchObject({
      user_id: user.id,
      amount_cents: '2550',
      currency: 'USD',
      provider: 'stripe',
    });

    const handOver = await person.page(res.location as string);
    expect(handOver.status).toBe(200);
    expect(handOver.headers.get('cache-control')).toBe('no-store');
    expect(metaRefresh(handOver.text)).toBe(`0;url=${row.checkout_url}`);
    expect(handOver.text).toContain(`<a class="button" href="${row.checkout_url}">Continue to checkout</a>`);
    expect(handOver.text).toContain('<strong>25.50 USD</strong>');

    // Only its owner may open it; a paid one goes to its status page.
    const stranger = (await signInByPage(stack, app, 'stranger@example.com')).person;
    expect((await stranger.page(res.location as string)).status).toBe(404);
    expect((await stranger.page('/payment/checkout?top_up=nonsense')).status).toBe(404);
    await stack.stripe.pay(row.provider_ref as string);
    const after = await person.page(res.location as string);
    expect(after.status).toBe(303);
    expect(after.location).toBe(`/payment/return?top_up=${row.id}`);

    const paid = await person.page(after.location as string);
    expect(paid.text).toContain('<title>Payment received · hero-onboarding</title>');
    expect(paid.text).toContain('data-status="paid"');
    expect(paid.text).toContain('<dd>25.50 USD</dd>');
    expect(metaRefresh(paid.text)).toBeUndefined();
    const balance = await person.page('/');
    expect(balance.text).toContain(
      '<li data-currency="USD"><span>US Dollar</span><span class="amount">25.50 USD</span></li>',
    );
  });

  it('a refused amount re-renders the account page with the message, the field marked, what was typed kept', async () => {
    const { person } = await verifiedPerson('typo@example.com');
    const before = await countRows(stack, 'top_ups');
    const cases: [Record<string, string>, string][] = [
      [
        { amount_decimal: '10.505', currency: 'USD' },
        'Enter the amount as a number such as 10.50 (USD: at most 2 decimals, after a dot).',
      ],
      [{ amount_decimal: '10,50', currency: 'USD' }, 'Enter the amount as a number such as 10.50'],
      [{ amount_decimal: '', currency: 'USD' }, 'Enter an amount, such as 10.50.'],
      [{ amount_decimal: '0.99', currency: 'EUR' }, 'The amount must be from 1.00 EUR to 10,000.00 EUR.'],
      [
        { amount_decimal: '1000.50', currency: 'TZS', provider: 'clickpesa' },
        'clickpesa cannot take this top-up',
      ],
    ];
    for (const [fields, message] of cases) {
      const res = await person.submit('/payment/intent', fields);
      expect(res.status, fields.amount_decimal).toBe(400);
      expect(res.text).toContain('<title>Error: Your account · hero-onboarding</title>');
      expect(res.text).toContain(`<a href="#amount">${message}`);
      expect(res.text).toContain(`value="${fields.amount_decimal}"`);
      expect(res.text).toMatch(
        /id="amount" name="amount_decimal"[^>]*aria-describedby="amount-hint amount-error" aria-invalid="true"/,
      );
      expect(res.text).toContain(`<option value="${fields.currency}" selected="">`);
    }
    const currency = await person.submit('/payment/intent', { amount_decimal: '5', currency: 'GBP' });
    expect(currency.status).toBe(400);
    expect(currency.text).toContain(
      '<a href="#currency">&quot;currency&quot; must be one of USD, TZS, EUR.</a>',
    );
    expect(await countRows(stack, 'top_ups')).toBe(before);
  });

  it('thousands separators and whole amounts are read as a person means them', async () => {
    const { person } = await verifiedPerson('grouped@example.com');
    const grouped = await person.submit('/payment/intent', { amount_decimal: '1,000.5', currency: 'USD' });
    expect((await topUpRow(stack, topUpId(grouped.location))).amount_cents).toBe('100050');
    const shillings = await person.submit('/payment/intent', {
      amount_decimal: '5000',
      currency: 'TZS',
      provider: 'clickpesa',
    });
    expect(await topUpRow(stack, topUpId(shillings.location))).toMatchObject({
      amount_cents: '500000',
      currency: 'TZS',
      provider: 'clickpesa',
    });
  });

  it('the API takes amount_decimal too, keeps amount in minor units, and refuses both at once', async () => {
    const { person } = await verifiedPerson('api-decimal@example.com');
    const decimal = await person.api('POST', '/payment/intent', { amount_decimal: '10.5', currency: 'USD' });
    expect(decimal.status).toBe(201);
    expect(decimal.json.top_up.amount_cents).toBe('1050');
    const minor = await person.api('POST', '/payment/intent', { amount: 1050, currency: 'USD' });
    expect(minor.json.top_up.amount_cents).toBe('1050');
    const both = await person.api('POST', '/payment/intent', {
      amount: 1050,
      amount_decimal: '10.50',
      currency: 'USD',
    });
    expect(both.status).toBe(400);
    expect(both.json.error).toMatchObject({ code: 'invalid_amount', field: 'amount' });
  });

  it('balances are formatted per currency, exactly, however large', async () => {
    const { person, user } = await signInByPage(stack, app, 'rich@example.com');
    await stack.db
      .insertInto('balances')
      .values([
        {
          user_id: user.id,
          currency: 'USD',
          account_key: `${user.id}:USD`,
          amount_cents: '123456789012345678',
        },
        { user_id: user.id, currency: 'TZS', account_key: `${user.id}:TZS`, amount_cents: '500000' },
      ])
      .execute();
    expect(await balancesOf(stack, user.id)).toEqual({ USD: '123456789012345678', TZS: '500000' });
    const home = await person.page('/');
    expect(home.text).toContain('<span class="amount">1,234,567,890,123,456.78 USD</span>');
    expect(home.text).toContain('<span>Tanzanian Shilling</span><span class="amount">5,000.00 TZS</span>');
  });
});

describe('/payment/return for a browser', () => {
  it('pending: reloads itself every 5 seconds, with a way to stop and the checkout link; others get a 404 page', async () => {
    const { person } = await verifiedPerson('returner@example.com');
    const opened = await person.submit('/payment/intent', { amount_decimal: '12', currency: 'USD' });
    const row = await topUpRow(stack, topUpId(opened.location));
    const page = await person.page(`/payment/return?top_up=${row.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).toContain('<title>Payment pending · hero-onboarding</title>');
    expect(metaRefresh(page.text)).toBe('5');
    expect(page.text).toContain(`<a href="/payment/return?top_up=${row.id}&amp;auto=off">Stop checking</a>`);
    expect(page.text).toContain('Continue to checkout');
    const still = await person.page(`/payment/return?top_up=${row.id}&auto=off`);
    expect(metaRefresh(still.text)).toBeUndefined();
    const other = await new AppClient(app).page(`/payment/return?top_up=${row.id}`);
    expect(other.status).toBe(401);
    const stranger = (await signInByPage(stack, app, 'peeker@example.com')).person;
    const hidden = await stranger.page(`/payment/return?top_up=${row.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.text).toContain('No such top-up.');
  });
});
