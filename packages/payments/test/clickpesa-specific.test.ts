import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClickPesaPaymentProvider } from '../src/clickpesa';
import type { CheckoutRequest, WebhookReceipt } from '../src/provider';
import { type ClickPesaStandIn, startClickPesaStandIn } from '../src/stand-ins/clickpesa';
import { checkoutRequest } from './support/checkout-request';
import { clickPesaSigned, clickPesaTestChecksum } from './support/clickpesa-sign';
import { CLICKPESA_KEYS } from './support/keys';
import { headerOf, type ReceivedWebhook, startReceiver, type WebhookReceiver } from './support/receiver';

describe('ClickPesaPaymentProvider with the stand-in: ClickPesa-specific behaviour', () => {
  let stand: ClickPesaStandIn;
  let receiver: WebhookReceiver;
  let clock: number;
  let clickpesa: ClickPesaPaymentProvider;

  beforeEach(async () => {
    receiver = await startReceiver('/webhooks/clickpesa');
    clock = Date.now();
    stand = await startClickPesaStandIn({ ...CLICKPESA_KEYS, webhookUrl: receiver.url });
    clickpesa = new ClickPesaPaymentProvider({ ...CLICKPESA_KEYS, apiUrl: stand.apiUrl, now: () => clock });
  });
  afterEach(async () => {
    await stand.close();
    await receiver.close();
  });

  const request = (overrides: Partial<CheckoutRequest> = {}): CheckoutRequest =>
    checkoutRequest(
      { amount: { amountMinor: 1_000_000, currency: 'TZS' }, callbackUrl: receiver.url },
      overrides,
    );
  const receive = (received: ReceivedWebhook | undefined): WebhookReceipt => {
    if (!received) throw new Error('no webhook arrived');
    return clickpesa.receiveWebhook(received.body, headerOf(received));
  };

  it('sends whole major units as totalPrice, a fresh alphanumeric reference, the callback URL', async () => {
    const tzs = await clickpesa.createCheckout(request());
    const usd = await clickpesa.createCheckout(request({ amount: { amountMinor: 1050, currency: 'USD' } }));
    const [first, second] = stand.orders();
    expect(first).toMatchObject({
      orderReference: tzs.providerRef,
      totalPrice: '10000',
      orderCurrency: 'TZS',
      callbackUrl: receiver.url,
    });
    expect(second).toMatchObject({
      orderReference: usd.providerRef,
      totalPrice: '10.50',
      orderCurrency: 'USD',
    });
    expect(tzs.providerRef).toMatch(/^[A-Za-z0-9]+$/);
    expect(tzs.expiresAt).toBeNull();
  });

  it('signs its requests: with another checksum key the stand-in refuses the checkout', async () => {
    const other = new ClickPesaPaymentProvider({
      ...CLICKPESA_KEYS,
      checksumKey: 'CKother',
      apiUrl: stand.apiUrl,
    });
    await expect(other.createCheckout(request())).rejects.toMatchObject({ kind: 'rejected', status: 400 });
  });

  it('refuses fractional shillings and other currencies before any call', async () => {
    expect(clickpesa.checkAmount({ amountMinor: 1050, currency: 'TZS' })).toMatchObject({
      ok: false,
      field: 'amount',
    });
    expect(clickpesa.checkAmount({ amountMinor: 1000, currency: 'EUR' })).toMatchObject({
      ok: false,
      field: 'currency',
    });
    await expect(
      clickpesa.createCheckout(request({ amount: { amountMinor: 1050, currency: 'TZS' } })),
    ).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(stand.stats().calls).toEqual({ generate_token: 0, checkout_link: 0, payment_status: 0 });
  });

  it('refreshes a refused token once and retries once', async () => {
    const { providerRef } = await clickpesa.createCheckout(request());
    stand.revokeTokens();
    expect((await clickpesa.lookup(providerRef)).state).toBe('pending');
    expect(stand.stats()).toMatchObject({ tokensIssued: 2, calls: { payment_status: 2 } });
  });

  it('gives up as unauthorized when the fresh token is refused too', async () => {
    const { providerRef } = await clickpesa.createCheckout(request());
    stand.setFaults({ status: 401, times: 10, endpoint: 'payment_status' });
    await expect(clickpesa.lookup(providerRef)).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(stand.stats()).toMatchObject({ tokensIssued: 2, calls: { payment_status: 2 } });
  });

  it('reuses a token until its cached lifetime ends, then fetches one', async () => {
    const { providerRef } = await clickpesa.createCheckout(request());
    clock += 54 * 60_000;
    await clickpesa.lookup(providerRef);
    expect(stand.stats().tokensIssued).toBe(1);
    clock += 2 * 60_000;
    await clickpesa.lookup(providerRef);
    expect(stand.stats().tokensIssued).toBe(2);
    expect(clickpesa.tokenCalls).toBe(2);
  });

  it('lets a failed token call fail every waiting caller, and the next call try again', async () => {
    stand.setFaults({ status: 503, endpoint: 'generate_token' });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => clickpesa.createCheckout(request())),
    );
    expect(results.map((result) => result.status)).toEqual(Array(5).fill('rejected'));
    expect(stand.stats().calls.generate_token).toBe(1);
    await expect(clickpesa.createCheckout(request())).resolves.toMatchObject({
      providerRef: expect.any(String),
    });
  });

  it('reads the legacy payload and a checksum sent in a header', async () => {
    const { providerRef } = await clickpesa.createCheckout(request());
    await stand.pay(providerRef, { format: 'legacy', checksumIn: 'header' });
    expect(receive((await receiver.waitFor(1))[0])).toMatchObject({
      kind: 'notice',
      eventType: 'PAYMENT RECEIVED',
      notice: { providerRef, state: 'paid', amount: { amountMinor: 1_000_000, currency: 'TZS' } },
      trustworthy: false,
    });
  });

  it('refuses a checksum method it cannot verify', () => {
    const payload = { event: 'PAYMENT RECEIVED', data: { id: 'P1', orderReference: 'ORDER1' } };
    const signed = {
      ...payload,
      checksum: clickPesaTestChecksum(CLICKPESA_KEYS.checksumKey, payload),
      checksumMethod: 'legacy',
    };
    expect(clickpesa.receiveWebhook(JSON.stringify(signed), () => undefined)).toEqual({ kind: 'forged' });
    const upper = { ...signed, checksumMethod: 'canonical', checksum: signed.checksum.toUpperCase() };
    expect(clickpesa.receiveWebhook(JSON.stringify(upper), () => undefined)).toEqual({ kind: 'forged' });
  });

  it('names the missing field of an authentic PAYMENT RECEIVED', () => {
    const data = { id: 'P1', orderReference: 'ORDER1', collectedAmount: '100.00', collectedCurrency: 'TZS' };
    const read = (payload: Record<string, unknown>) =>
      receive(clickPesaSigned(CLICKPESA_KEYS.checksumKey, payload));
    expect(read({ event: 'PAYMENT RECEIVED', data })).toMatchObject({
      kind: 'notice',
      eventKey: 'clickpesa:PAYMENT_RECEIVED:P1',
    });
    expect(read({ event: 'PAYMENT RECEIVED', data: { ...data, id: undefined } })).toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining('id'),
    });
    expect(read({ event: 'PAYMENT RECEIVED', data: { ...data, collectedAmount: '1.234' } })).toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining('collectedAmount'),
    });
    expect(read({ event: 'PAYMENT RECEIVED', data: { ...data, orderReference: 'ORD-1' } })).toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining('orderReference'),
    });
    expect(read({ event: 'PAYMENT RECEIVED' })).toMatchObject({
      kind: 'malformed',
      message: 'data is missing',
    });
  });

  it('keys an event without a payment id by its canonical content', () => {
    const payload = {
      event: 'PAYMENT FAILED',
      data: { orderReference: 'ORDER1', message: 'Insufficient balance' },
    };
    const a = receive(clickPesaSigned(CLICKPESA_KEYS.checksumKey, payload));
    const reordered = {
      data: { message: 'Insufficient balance', orderReference: 'ORDER1' },
      event: 'PAYMENT FAILED',
    };
    const b = receive(clickPesaSigned(CLICKPESA_KEYS.checksumKey, reordered));
    expect(a).toMatchObject({ kind: 'notice', notice: { state: 'failed', paymentId: null, amount: null } });
    expect(a.kind === 'notice' && b.kind === 'notice' && a.eventKey === b.eventKey).toBe(true);
    expect(a.kind === 'notice' && a.eventKey).toMatch(/^clickpesa:PAYMENT_FAILED:sha256:[0-9a-f]{64}$/);
  });

  it('looks up settled, reversed and retried payments sensibly', async () => {
    const settled = (await clickpesa.createCheckout(request())).providerRef;
    await stand.pay(settled, { deliver: false });
    stand.settle(settled);
    expect((await clickpesa.lookup(settled)).state).toBe('paid');

    const reversed = (await clickpesa.createCheckout(request())).providerRef;
    await stand.pay(reversed, { deliver: false });
    stand.reverse(reversed);
    expect(await clickpesa.lookup(reversed)).toMatchObject({ state: 'failed' });

    const retried = (
      await clickpesa.createCheckout(request({ amount: { amountMinor: 1050, currency: 'USD' } }))
    ).providerRef;
    await stand.pay(retried, { outcome: 'failed', deliver: false });
    await stand.pay(retried, { deliver: false });
    const paid = await clickpesa.lookup(retried);
    expect(paid).toMatchObject({ state: 'paid', amount: { amountMinor: 1050, currency: 'USD' } });
    expect(paid.paymentId).toBe(stand.orders()[2]?.payments[1]?.id);
  });

  it('refuses a lookup of a reference with other characters without calling ClickPesa', async () => {
    await expect(clickpesa.lookup('../generate-token')).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(stand.stats().calls.payment_status).toBe(0);
  });

  it('requires an explicit apiUrl: there is no live default', () => {
    expect(() => new ClickPesaPaymentProvider({ ...CLICKPESA_KEYS, apiUrl: '' })).toThrow(/apiUrl/);
    expect(() => new ClickPesaPaymentProvider({ ...CLICKPESA_KEYS, apiUrl: 'http://u:p@host/x' })).toThrow(
      /apiUrl/,
    );
  });
});
