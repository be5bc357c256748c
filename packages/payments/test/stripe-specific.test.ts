import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckoutRequest, WebhookReceipt } from '../src/provider';
import { type StripeStandIn, startStripeStandIn } from '../src/stand-ins/stripe';
import { StripePaymentProvider } from '../src/stripe';
import { checkoutRequest } from './support/checkout-request';
import { STRIPE_KEYS } from './support/keys';
import { headerOf, type ReceivedWebhook, startReceiver, type WebhookReceiver } from './support/receiver';
import { stripeSigned } from './support/stripe-sign';

describe('StripePaymentProvider with the stand-in: Stripe-specific behaviour', () => {
  let stand: StripeStandIn;
  let receiver: WebhookReceiver;
  let clock: number;
  let stripe: StripePaymentProvider;

  beforeEach(async () => {
    receiver = await startReceiver('/webhooks/stripe');
    clock = Date.now();
    stand = await startStripeStandIn({ ...STRIPE_KEYS, webhookUrl: receiver.url, asyncSettleMs: null });
    stripe = new StripePaymentProvider({ ...STRIPE_KEYS, apiUrl: stand.url, now: () => clock });
  });
  afterEach(async () => {
    await stand.close();
    await receiver.close();
  });

  const request = (overrides: Partial<CheckoutRequest> = {}): CheckoutRequest =>
    checkoutRequest(
      { amount: { amountMinor: 5000, currency: 'EUR' }, callbackUrl: 'http://127.0.0.1:9/webhooks/stripe' },
      overrides,
    );
  const receipts = (all: readonly ReceivedWebhook[]): WebhookReceipt[] =>
    all.map((received) => stripe.receiveWebhook(received.body, headerOf(received)));

  it('sends the session we decided: one price_data line, the top-up id, the URLs, the email, expires_at', async () => {
    const expiresAt = new Date(clock + 45 * 60_000);
    const req = request({ customerEmail: 'payer@example.com', description: 'Wallet top-up', expiresAt });
    const checkout = await stripe.createCheckout(req);
    const [session] = stand.sessions();
    expect(session).toMatchObject({
      id: checkout.providerRef,
      amountTotal: 5000,
      currency: 'eur',
      clientReferenceId: req.topUpId,
      metadata: { top_up_id: req.topUpId },
      customerEmail: 'payer@example.com',
      successUrl: req.returnUrl,
      cancelUrl: req.cancelUrl,
      expiresAt: Math.floor(expiresAt.getTime() / 1000),
    });
    expect(checkout.expiresAt?.getTime()).toBe(Math.floor(expiresAt.getTime() / 1000) * 1000);
  });

  it('opens one session for a retried top-up even when the clock moved between the calls', async () => {
    const req = request({ expiresAt: new Date(clock + 60 * 60_000) });
    const first = await stripe.createCheckout(req);
    clock += 90_000;
    const second = await stripe.createCheckout(req);
    expect(second.providerRef).toBe(first.providerRef);
    expect(stand.stats()).toMatchObject({ sessionsCreated: 1, calls: { create_session: 2 } });
  });

  it('reports a reused idempotency key with other parameters as duplicate', async () => {
    const req = request();
    await stripe.createCheckout(req);
    const error = await stripe
      .createCheckout({ ...req, amount: { amountMinor: 9999, currency: 'EUR' } })
      .catch((e) => e);
    expect(error).toMatchObject({ kind: 'duplicate', status: 400 });
  });

  it('refuses an expiresAt outside Stripe’s 30 minutes to 24 hours, before any call', async () => {
    for (const minutes of [10, 25 * 60]) {
      const error = await stripe
        .createCheckout(request({ expiresAt: new Date(clock + minutes * 60_000) }))
        .catch((e) => e);
      expect(error).toMatchObject({ kind: 'invalid_request' });
    }
    expect(stand.stats().calls.create_session).toBe(0);
  });

  it('follows an async payment that succeeds: pending, then paid, one PaymentIntent for both', async () => {
    const { providerRef } = await stripe.createCheckout(request());
    await stand.payLater(providerRef);
    expect(await stripe.lookup(providerRef)).toMatchObject({ state: 'pending' });
    await stand.settle(providerRef, 'succeeded');
    const [completed, succeeded] = receipts(await receiver.waitFor(2));
    expect(completed).toMatchObject({
      kind: 'notice',
      eventType: 'checkout.session.completed',
      notice: { state: 'pending' },
    });
    expect(succeeded).toMatchObject({
      kind: 'notice',
      eventType: 'checkout.session.async_payment_succeeded',
      notice: { state: 'paid' },
    });
    const ids = [completed, succeeded].map((receipt) =>
      receipt?.kind === 'notice' ? receipt.notice.paymentId : null,
    );
    expect(ids[0]).toMatch(/^pi_/);
    expect(ids[1]).toBe(ids[0]);
    expect(await stripe.lookup(providerRef)).toMatchObject({ state: 'paid', paymentId: ids[0] });
  });

  it('follows an async payment that fails, even when its result arrives before completed', async () => {
    const { providerRef } = await stripe.createCheckout(request());
    await stand.payLater(providerRef, { outcome: 'failed', outOfOrder: true });
    const [first, second] = receipts(await receiver.waitFor(2));
    expect(first).toMatchObject({
      eventType: 'checkout.session.async_payment_failed',
      notice: { state: 'failed' },
    });
    expect(second).toMatchObject({ eventType: 'checkout.session.completed', notice: { state: 'pending' } });
    expect((await stripe.lookup(providerRef)).state).toBe('failed');
  });

  it('reports the amount Stripe reports, so the server can catch a mismatch', async () => {
    const { providerRef } = await stripe.createCheckout(request());
    await stand.pay(providerRef, { amountTotal: 4000 });
    const [receipt] = receipts(await receiver.waitFor(1));
    expect(receipt).toMatchObject({
      notice: { state: 'paid', amount: { amountMinor: 4000, currency: 'EUR' } },
    });
  });

  it('reads an authentic event with a missing field as malformed, naming the field', () => {
    const event = (object: Record<string, unknown>) =>
      JSON.stringify({ id: 'evt_1', object: 'event', type: 'checkout.session.completed', data: { object } });
    const session = {
      id: 'cs_test_1',
      object: 'checkout.session',
      status: 'complete',
      payment_status: 'paid',
      amount_total: 100,
      currency: 'usd',
      payment_intent: 'pi_1',
    };
    const read = (body: string) => {
      const signed = stripeSigned(STRIPE_KEYS.webhookSecret, body);
      return stripe.receiveWebhook(signed.body, headerOf(signed));
    };
    expect(read(event(session))).toMatchObject({
      kind: 'notice',
      notice: { state: 'paid', paymentId: 'pi_1' },
    });
    expect(read(event({ ...session, payment_intent: null }))).toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining('payment_intent'),
    });
    expect(read(event({ ...session, amount_total: undefined }))).toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining('amount_total'),
    });
    expect(read(event({ ...session, status: 'weird' }))).toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining('status'),
    });
    expect(read('not json at all')).toMatchObject({ kind: 'malformed' });
  });

  it('checks the timestamp against its own clock: an event signed 6 minutes ago is forged, 4 minutes is not', () => {
    const body = JSON.stringify({ id: 'evt_2', type: 'customer.created', data: { object: {} } });
    const seconds = Math.floor(clock / 1000);
    const old = stripeSigned(STRIPE_KEYS.webhookSecret, body, seconds - 360);
    const recent = stripeSigned(STRIPE_KEYS.webhookSecret, body, seconds - 240);
    expect(stripe.receiveWebhook(old.body, headerOf(old))).toEqual({ kind: 'forged' });
    expect(stripe.receiveWebhook(recent.body, headerOf(recent))).toMatchObject({
      kind: 'ignored',
      eventKey: 'evt_2',
    });
  });

  it('refuses bad configuration with invalid_config, naming the option', () => {
    expect(() => new StripePaymentProvider({ ...STRIPE_KEYS, apiUrl: 'http://127.0.0.1:1/v1' })).toThrow(
      /apiUrl/,
    );
    expect(() => new StripePaymentProvider({ ...STRIPE_KEYS, apiUrl: 'ftp://x' })).toThrow(/apiUrl/);
    expect(() => new StripePaymentProvider({ ...STRIPE_KEYS, secretKey: '' })).toThrow(/secretKey/);
    expect(() => new StripePaymentProvider({ ...STRIPE_KEYS, timeoutMs: 0 })).toThrow(/timeoutMs/);
  });

  it('refuses a lookup of something that is not a session id without calling Stripe', async () => {
    await expect(stripe.lookup('../v1/customers')).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(stand.stats().calls.retrieve_session).toBe(0);
  });
});
