import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from './support/http-client';
import { balancesOf, ledgerOf, openTopUp, verifiedUser } from './support/payments';
import { startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
let client: HttpClient;
let userId: string;
beforeAll(async () => {
  stack = await startTestStack();
  ({
    client,
    user: { id: userId },
  } = await verifiedUser(stack, 'lookup@example.com'));
});
afterAll(async () => stack?.close());

const retrieves = () => stack.stripe.stats().calls.retrieve_session;
const usd = (amount: number) => openTopUp(stack, client, { amount, currency: 'USD' });

describe('GET /payment/return: the missed-webhook lookup', () => {
  it('a payment whose webhook never came is settled by one lookup when the person returns', async () => {
    const topUp = await usd(2500);
    await stack.stripe.pay(topUp.ref, { deliver: false });
    const asked = retrieves();
    const res = await client.get(`/payment/return?top_up=${topUp.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.json.top_up).toMatchObject({ status: 'paid', checkout_url: null });
    expect(retrieves() - asked).toBe(1);
    expect(await ledgerOf(stack, topUp.id)).toMatchObject([
      { source: 'return_lookup', amount_cents: '2500' },
    ]);
    // The webhook arrives after all: recognised as already settled, no second credit.
    const lost = stack.stripe.events().find((e) => e.sessionId === topUp.ref);
    const [late] = await stack.stripe.redeliver(lost?.id as string);
    expect(late?.status).toBe(200);
    expect(await ledgerOf(stack, topUp.id)).toHaveLength(1);
    expect((await balancesOf(stack, userId)).USD).toBe('2500');
  });

  it('at most one lookup per top-up per interval, however many return at once', async () => {
    const topUp = await usd(1000);
    const asked = retrieves();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => client.get(`/payment/return?top_up=${topUp.id}`)),
    );
    for (const res of answers)
      expect(res.json.top_up).toMatchObject({ status: 'pending', checkout_url: topUp.checkoutUrl });
    expect(retrieves() - asked).toBe(1);
    const page = await client.get(`/payment/return?top_up=${topUp.id}`, { accept: 'text/html' });
    expect(page.text).toContain('Continue to checkout');
    expect(retrieves() - asked).toBe(1);
  });

  it('a ClickPesa payment whose webhook was lost is confirmed by the payment-status call', async () => {
    const topUp = await openTopUp(stack, client, { amount: 100000, currency: 'TZS', provider: 'clickpesa' });
    await stack.clickpesa.pay(topUp.ref, { deliver: false });
    const res = await client.get(`/payment/return?orderReference=${topUp.ref}`);
    expect(res.json.top_up.status).toBe('paid');
    expect((await balancesOf(stack, userId)).TZS).toBe('100000');
  });

  it('only the owner sees a top-up; a bad id is a 400 naming top_up; anonymous is 401', async () => {
    const topUp = await usd(1100);
    const other = await stack.signIn('someone-else@example.com');
    expect((await other.client.get(`/payment/return?top_up=${topUp.id}`)).status).toBe(404);
    const bad = await client.get('/payment/return?top_up=42');
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('top_up');
    expect((await stack.client().get(`/payment/return?top_up=${topUp.id}`)).status).toBe(401);
  });
});
