import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from './support/http-client';
import {
  balancesOf,
  countRows,
  ledgerOf,
  openTopUp,
  postStripe,
  stripeSessionEvent,
  stripeSignature,
  topUpRow,
  verifiedUser,
} from './support/payments';
import { ADMIN_API_TOKEN, startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
let client: HttpClient;
let userId: string;
beforeAll(async () => {
  stack = await startTestStack();
  const verified = await verifiedUser(stack, 'stripe-payer@example.com');
  client = verified.client;
  userId = verified.user.id;
});
afterAll(async () => stack?.close());

const usd = (amount: number) => openTopUp(stack, client, { amount, currency: 'USD' });
const eventRow = (eventId: string) =>
  stack.db
    .selectFrom('webhook_events')
    .selectAll()
    .where('event_key', '=', `stripe:${eventId}`)
    .executeTakeFirst();

describe('Stripe top-ups', () => {
  it('pay -> signed checkout.session.completed -> paid, one ledger entry, balance credited', async () => {
    const before = (await balancesOf(stack, userId)).USD ?? '0';
    const topUp = await usd(2500);
    const [delivery] = await stack.stripe.pay(topUp.ref);
    expect(delivery?.status).toBe(200);
    const row = await topUpRow(stack, topUp.id);
    expect(row).toMatchObject({ status: 'paid', flag: null });
    expect(row.paid_at).toBeInstanceOf(Date);
    const ledger = await ledgerOf(stack, topUp.id);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      amount_cents: '2500',
      currency: 'USD',
      provider: 'stripe',
      source: 'webhook',
    });
    expect(ledger[0]?.provider_payment_id).toMatch(/^pi_/);
    expect((await balancesOf(stack, userId)).USD).toBe(String(Number(before) + 2500));
    expect(await eventRow(delivery?.eventId as string)).toMatchObject({
      outcome: 'credited',
      delivery_count: 1,
    });

    const back = await client.get(`/payment/return?top_up=${topUp.id}`);
    expect(back.json.top_up).toMatchObject({ status: 'paid', checkout_url: null, amount_cents: '2500' });
    const page = await client.get(`/payment/return?top_up=${topUp.id}`, { accept: 'text/html' });
    expect(page.text).toContain('data-status="paid"');
    expect(page.text).toContain('25.00 USD');
    const me = await client.get('/me');
    expect(me.json.balances).toContainEqual({ currency: 'USD', amount_cents: String(Number(before) + 2500) });
  });

  it('the same event delivered three times and redelivered later credits once', async () => {
    const before = Number((await balancesOf(stack, userId)).USD ?? 0);
    const topUp = await usd(1000);
    const deliveries = await stack.stripe.pay(topUp.ref, { repeat: 3 });
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
    const again = await stack.stripe.redeliver(deliveries[0]?.eventId as string, { times: 2 });
    expect(again.map((d) => d.status)).toEqual([200, 200]);
    expect(await ledgerOf(stack, topUp.id)).toHaveLength(1);
    expect(Number((await balancesOf(stack, userId)).USD)).toBe(before + 1000);
    expect(await eventRow(deliveries[0]?.eventId as string)).toMatchObject({
      delivery_count: 5,
      outcome: 'credited',
    });
  });

  it('a purged raw body still recognises a redelivery (retention keeps key and outcome)', async () => {
    const before = Number((await balancesOf(stack, userId)).USD ?? 0);
    const topUp = await usd(700);
    const [delivery] = await stack.stripe.pay(topUp.ref);
    await stack.db
      .updateTable('webhook_events')
      .set({ payload: null })
      .where('event_key', '=', `stripe:${delivery?.eventId}`)
      .execute();
    const [again] = await stack.stripe.redeliver(delivery?.eventId as string);
    expect(again?.status).toBe(200);
    expect(Number((await balancesOf(stack, userId)).USD)).toBe(before + 700);
    expect(await eventRow(delivery?.eventId as string)).toMatchObject({ payload: null, delivery_count: 2 });
  });

  it('an async payment: completed (unpaid) credits nothing, async_payment_succeeded credits once', async () => {
    const before = Number((await balancesOf(stack, userId)).USD ?? 0);
    const topUp = await usd(1200);
    const [completed] = await stack.stripe.payLater(topUp.ref);
    expect(completed?.eventType).toBe('checkout.session.completed');
    expect(await eventRow(completed?.eventId as string)).toMatchObject({ outcome: 'noted:pending' });
    expect((await topUpRow(stack, topUp.id)).status).toBe('pending');
    expect(Number((await balancesOf(stack, userId)).USD ?? 0)).toBe(before);

    const [succeeded] = await stack.stripe.settle(topUp.ref, 'succeeded', { repeat: 2 });
    expect(succeeded?.eventType).toBe('checkout.session.async_payment_succeeded');
    expect((await topUpRow(stack, topUp.id)).status).toBe('paid');
    await stack.stripe.redeliver(completed?.eventId as string);
    expect(await ledgerOf(stack, topUp.id)).toHaveLength(1);
    expect(Number((await balancesOf(stack, userId)).USD)).toBe(before + 1200);
  });

  it('out of order: async_payment_succeeded before completed credits once', async () => {
    const before = Number((await balancesOf(stack, userId)).USD ?? 0);
    const topUp = await usd(1300);
    const deliveries = await stack.stripe.payLater(topUp.ref, { outcome: 'succeeded', outOfOrder: true });
    expect(deliveries.map((d) => d.eventType)).toEqual([
      'checkout.session.async_payment_succeeded',
      'checkout.session.completed',
    ]);
    expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
    expect(await ledgerOf(stack, topUp.id)).toHaveLength(1);
    expect(Number((await balancesOf(stack, userId)).USD)).toBe(before + 1300);
  });

  it('completed (paid) and async_payment_succeeded for one payment, at once: one credit', async () => {
    const before = Number((await balancesOf(stack, userId)).USD ?? 0);
    const topUp = await usd(1400);
    const common = {
      sessionId: topUp.ref,
      topUpId: topUp.id,
      amountTotal: 1400,
      currency: 'usd',
      paymentIntent: 'pi_same_payment_1',
    };
    const bodies = [
      stripeSessionEvent({
        ...common,
        eventId: 'evt_pair_completed',
        type: 'checkout.session.completed',
        paymentStatus: 'paid',
      }),
      stripeSessionEvent({
        ...common,
        eventId: 'evt_pair_async',
        type: 'checkout.session.async_payment_succeeded',
        paymentStatus: 'paid',
      }),
    ];
    const answers = await Promise.all([...bodies, ...bodies].map((body) => postStripe(stack.baseUrl, body)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    // A repeat answers with the outcome recorded for its event, marked duplicate.
    expect(answers.filter((a) => a.json.outcome === 'credited' && !a.json.duplicate)).toHaveLength(1);
    expect(await ledgerOf(stack, topUp.id)).toHaveLength(1);
    expect(Number((await balancesOf(stack, userId)).USD)).toBe(before + 1400);
  });

  it('a failed async payment and an expired checkout credit nothing', async () => {
    const before = (await balancesOf(stack, userId)).USD;
    const failing = await usd(1500);
    await stack.stripe.payLater(failing.ref, { outcome: 'failed' });
    expect(await topUpRow(stack, failing.id)).toMatchObject({
      status: 'failed',
      failure_reason: 'payment_failed',
    });
    const expiring = await usd(1600);
    const [expired] = await stack.stripe.expire(expiring.ref);
    expect(expired?.status).toBe(200);
    expect(await topUpRow(stack, expiring.id)).toMatchObject({
      status: 'expired',
      failure_reason: 'checkout_expired',
    });
    const back = await client.get(`/payment/return?top_up=${expiring.id}`);
    expect(back.json.top_up).toMatchObject({ status: 'expired', checkout_url: null });
    expect(await ledgerOf(stack, failing.id)).toHaveLength(0);
    expect(await ledgerOf(stack, expiring.id)).toHaveLength(0);
    expect((await balancesOf(stack, userId)).USD).toBe(before);
  });

  it('every signature failure is a 401 that stores and changes nothing', async () => {
    const topUp = await usd(1700);
    await stack.stripe.pay(topUp.ref, { deliver: false });
    const lost = stack.stripe.events().find((e) => e.sessionId === topUp.ref);
    const body = stripeSessionEvent({
      eventId: 'evt_forgery',
      type: 'checkout.session.completed',
      sessionId: topUp.ref,
      topUpId: topUp.id,
      amountTotal: 1700,
      currency: 'usd',
      paymentStatus: 'paid',
      paymentIntent: 'pi_forged',
    });
    const old = Math.floor(Date.now() / 1000) - 3600;
    const before = await countRows(stack, 'webhook_events');
    const attempts = [
      await stack
        .client()
        .request('POST', '/webhooks/stripe', { body, headers: { 'content-type': 'application/json' } }),
      await postStripe(stack.baseUrl, body, ''),
      await postStripe(stack.baseUrl, body, 'garbage'),
      await postStripe(stack.baseUrl, body, stripeSignature(body, 'whsec_someone_else')),
      await postStripe(stack.baseUrl, body.replace('1700', '170000'), stripeSignature(body)),
      await postStripe(stack.baseUrl, body, stripeSignature(body, undefined, old)),
      ...(await stack.stripe.redeliver(lost?.id as string, { signedSecondsAgo: 600 })).map((d) => ({
        status: d.status,
        json: { error: { code: 'invalid_signature' } },
      })),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('invalid_signature');
    }
    expect(await countRows(stack, 'webhook_events')).toBe(before);
    expect((await topUpRow(stack, topUp.id)).status).toBe('pending');
    expect(await ledgerOf(stack, topUp.id)).toHaveLength(0);
  });

  it('a signed body that is not a session event is a 400; another event type is a 2xx, recorded and ignored', async () => {
    for (const body of ['not json', JSON.stringify({ id: 'evt_x', object: 'event' })]) {
      const res = await postStripe(stack.baseUrl, body);
      expect(res.status, body).toBe(400);
      expect(res.json.error.code).toBe('malformed_webhook');
    }
    const other = JSON.stringify({
      id: 'evt_other_type',
      object: 'event',
      type: 'payment_intent.created',
      data: { object: {} },
    });
    const res = await postStripe(stack.baseUrl, other);
    expect(res.status).toBe(200);
    expect(res.json.outcome).toBe('ignored:payment_intent.created');
  });

  it('a paid event for an unknown top-up is a 2xx, recorded and logged, and credits nothing', async () => {
    const events = await countRows(stack, 'payment_events');
    const body = stripeSessionEvent({
      eventId: 'evt_unknown_top_up',
      type: 'checkout.session.completed',
      sessionId: 'cs_test_unknown_session',
      topUpId: randomUUID(),
      amountTotal: 100,
      currency: 'usd',
      paymentStatus: 'paid',
      paymentIntent: 'pi_unknown',
    });
    const res = await postStripe(stack.baseUrl, body);
    expect(res.status).toBe(200);
    expect(res.json.outcome).toBe('ignored:unknown_top_up');
    expect(await eventRow('evt_unknown_top_up')).toMatchObject({ outcome: 'ignored:unknown_top_up' });
    expect(await countRows(stack, 'payment_events')).toBe(events);
    expect(stack.logger.lines.some((l) => l.includes('ignored:unknown_top_up'))).toBe(true);
  });

  it.each([
    ['amount', { amountTotal: 1 }, 'amount_mismatch', '1', 'USD'],
    ['currency', { currency: 'eur' }, 'currency_mismatch', '1800', 'EUR'],
  ] as const)(
    'a %s mismatch credits nothing, holds the top-up and flags it for admins',
    async (_, override, flag, amount, currency) => {
      const before = (await balancesOf(stack, userId)).USD;
      const topUp = await usd(1800);
      const [delivery] = await stack.stripe.pay(topUp.ref, override);
      expect(delivery?.status).toBe(200);
      expect(await topUpRow(stack, topUp.id)).toMatchObject({
        status: 'held',
        flag,
        reported_amount_cents: amount,
        reported_currency: currency,
      });
      expect(await ledgerOf(stack, topUp.id)).toHaveLength(0);
      expect((await balancesOf(stack, userId)).USD).toBe(before);
      const listed = await stack
        .client()
        .get(`/admin/list-top-ups?flag=${flag}`, { authorization: `Bearer ${ADMIN_API_TOKEN}` });
      expect(listed.json.items.map((t: { id: string }) => t.id)).toContain(topUp.id);
      const back = await client.get(`/payment/return?top_up=${topUp.id}`);
      expect(back.json.top_up.status).toBe('held');
    },
  );
});
