import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAndStart, userRow } from './support/kyc';
import { countRows, intent, topUpRow, verifiedUser } from './support/payments';
import { STRIPE, startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ env: { TOPUP_MIN_CENTS: '500', TOPUP_MAX_CENTS: '200000' } });
});
afterAll(async () => stack?.close());

const providerCalls = () => stack.stripe.stats().sessionsCreated + stack.clickpesa.stats().checkoutsCreated;
const good = { amount: 2500, currency: 'usd' };
const asBrowser = { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };

/** A signed-in user in each KYC status other than completed, reached through the real flows. */
async function userIn(status: 'pending' | 'in_progress' | 'failed' | 'expired') {
  const email = `gate-${status}@example.com`;
  if (status === 'pending') return stack.signIn(email);
  const started = await signInAndStart(stack, email);
  if (status === 'failed')
    await stack.simulator.complete(started.scanRef, { overall: 'DENIED', final: true });
  if (status === 'expired') {
    // Out of re-mints: the session's next expiry ends it for good and the user is expired.
    await stack.db
      .updateTable('kyc_sessions')
      .set({ recreation_count: 99 })
      .where('id', '=', started.session.id)
      .execute();
    await stack.simulator.expire(started.scanRef, { notify: true });
  }
  expect((await userRow(stack, started.user.id)).kyc_status).toBe(status);
  return started;
}

describe('POST /payment/intent: the KYC gate', () => {
  it('401 when not signed in, for JSON and forms alike, and nothing is created', async () => {
    const before = providerCalls();
    const json = await intent(stack.client(), good);
    expect(json.status).toBe(401);
    expect(json.json.error.code).toBe('unauthenticated');
    const form = await stack
      .client()
      .request('POST', '/payment/intent', { body: 'amount=2500&currency=USD', headers: asBrowser });
    expect(form.status).toBe(401);
    expect(await countRows(stack, 'top_ups')).toBe(0);
    expect(providerCalls()).toBe(before);
  });

  it.each(['pending', 'in_progress', 'failed', 'expired'] as const)(
    'KYC %s: 403 kyc_required (JSON) or a page linking to /kyc/start (browser); nothing created, no provider called',
    async (status) => {
      const { client } = await userIn(status);
      const before = providerCalls();
      const json = await intent(client, good);
      expect(json.status).toBe(403);
      expect(json.json.error).toMatchObject({
        code: 'kyc_required',
        kyc_status: status,
        kyc_url: '/kyc/start',
      });
      const page = await client.request('POST', '/payment/intent', {
        body: 'amount=2500&currency=USD',
        headers: asBrowser,
      });
      expect(page.status).toBe(403);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.text).toContain('href="/kyc/start"');
      expect(page.text).toContain(`data-kyc-status="${status}"`);
      // Even a bad body is refused for KYC first: the gate comes before anything else.
      expect((await intent(client, { amount: 'lots' })).status).toBe(403);
      expect(await countRows(stack, 'top_ups')).toBe(0);
      expect(providerCalls()).toBe(before);
    },
  );
});

describe('POST /payment/intent: input', () => {
  let client: Awaited<ReturnType<typeof verifiedUser>>['client'];
  beforeAll(async () => {
    ({ client } = await verifiedUser(stack, 'gate-input@example.com'));
  });

  it.each([
    [{ currency: 'USD' }, 'amount'],
    [{ amount: 25.5, currency: 'USD' }, 'amount'],
    [{ amount: -2500, currency: 'USD' }, 'amount'],
    [{ amount: '25.00', currency: 'USD' }, 'amount'],
    [{ amount: 499, currency: 'USD' }, 'amount'],
    [{ amount: 200001, currency: 'USD' }, 'amount'],
    [{ amount: 1e21, currency: 'USD' }, 'amount'],
    [{ amount: 2500 }, 'currency'],
    [{ amount: 2500, currency: 'US' }, 'currency'],
    [{ amount: 2500, currency: 'GBP' }, 'currency'],
    [{ amount: 2500, currency: 'USD', provider: 'paypal' }, 'provider'],
    [{ amount: 2500, currency: 'EUR', provider: 'clickpesa' }, 'currency'],
    [{ amount: 250050, currency: 'TZS', provider: 'clickpesa' }, 'amount'],
  ])('%j -> 400 naming %s, nothing created', async (body, field) => {
    const before = providerCalls();
    const res = await intent(client, body);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: `invalid_${field}`, field });
    expect(res.json.error.message).toContain(field);
    expect(await countRows(stack, 'top_ups')).toBe(0);
    expect(providerCalls()).toBe(before);
  });

  it('a completed user gets 201 { top_up, checkout_url }: a pending row and a Stripe Checkout Session', async () => {
    const res = await intent(client, { amount: 2500, currency: 'usd' });
    expect(res.status).toBe(201);
    expect(res.json.top_up).toMatchObject({
      provider: 'stripe',
      amount_cents: '2500',
      currency: 'USD',
      status: 'pending',
    });
    const row = await topUpRow(stack, res.json.top_up.id);
    const [session] = stack.stripe.sessions().filter((s) => s.id === row.provider_ref);
    expect(session).toMatchObject({
      amountTotal: 2500,
      currency: 'usd',
      clientReferenceId: row.id,
      metadata: { top_up_id: row.id },
      successUrl: `${stack.baseUrl}/payment/return?top_up=${row.id}`,
    });
    expect(res.json.checkout_url).toBe(session?.url);
    expect(row.checkout_expires_at?.getTime()).toBe((session?.expiresAt ?? 0) * 1000);
  });

  it('the Checkout Session was created under the idempotency key top-up:<id>', async () => {
    const res = await intent(client, { amount: 3000, currency: 'USD' });
    // Stripe refuses to reuse a key with other parameters: proof the key was taken by our request.
    const reuse = await fetch(`${stack.stripe.url}/v1/checkout/sessions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${STRIPE.secretKey}`,
        'content-type': 'application/x-www-form-urlencoded',
        'idempotency-key': `top-up:${res.json.top_up.id}`,
      },
      body: 'mode=payment&success_url=https%3A%2F%2Fexample.com&line_items[0][quantity]=2&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=1&line_items[0][price_data][product_data][name]=x',
    });
    expect(reuse.status).toBe(400);
    expect(((await reuse.json()) as { error: { type: string } }).error.type).toBe('idempotency_error');
  });

  it('a browser form post is a 303 to our checkout page, which goes on to the hosted checkout; currency is case-insensitive', async () => {
    const res = await client.request('POST', '/payment/intent', {
      body: 'amount=1500&currency=eUr',
      headers: asBrowser,
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/payment\/checkout\?top_up=[0-9a-f-]{36}$/);
    // A form may only lead to our own pages (CSP form-action 'self' covers redirects), so this page does the rest.
    const page = await client.get(location, { accept: 'text/html' });
    const session = stack.stripe.sessions().find((s) => page.text.includes(`content="0;url=${s.url}"`));
    expect(session).toMatchObject({ amountTotal: 1500, currency: 'eur' });
  });

  it('provider=clickpesa opens a ClickPesa checkout link for TZS in whole shillings', async () => {
    const res = await intent(client, { amount: 1_000_000 / 10, currency: 'TZS', provider: 'clickpesa' });
    expect(res.status).toBe(201);
    const row = await topUpRow(stack, res.json.top_up.id);
    expect(row.provider_ref).toMatch(/^[A-Za-z0-9]+$/);
    const order = stack.clickpesa.orders().find((o) => o.orderReference === row.provider_ref);
    expect(order).toMatchObject({
      totalPrice: '1000',
      orderCurrency: 'TZS',
      callbackUrl: `${stack.baseUrl}/webhooks/clickpesa`,
    });
    expect(res.json.checkout_url).toBe(order?.checkoutLink);
    expect(row.checkout_expires_at).toBeInstanceOf(Date);
  });
});
