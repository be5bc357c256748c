import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClickPesaPaymentProvider } from '../src/clickpesa';
import { type ClickPesaStandIn, startClickPesaStandIn } from '../src/stand-ins/clickpesa';
import { clickPesaTestChecksum } from './support/clickpesa-sign';
import { formFor, submit } from './support/html-form';
import { CLICKPESA_KEYS } from './support/keys';
import { headerOf, startReceiver, type WebhookReceiver } from './support/receiver';

describe('ClickPesa stand-in', () => {
  let stand: ClickPesaStandIn;
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    receiver = await startReceiver('/webhooks/clickpesa');
    stand = await startClickPesaStandIn({
      ...CLICKPESA_KEYS,
      webhookUrl: receiver.url,
      returnUrl: 'http://127.0.0.1:9/payment/return',
    });
  });
  afterEach(async () => {
    await stand.close();
    await receiver.close();
  });

  const api = (path: string, init: RequestInit = {}) => fetch(`${stand.apiUrl}${path}`, init);
  const token = async () => {
    const response = await api('/generate-token', {
      method: 'POST',
      headers: { 'client-id': CLICKPESA_KEYS.clientId, 'api-key': CLICKPESA_KEYS.apiKey },
    });
    return ((await response.json()) as { token: string }).token;
  };
  const checkout = async (body: Record<string, unknown>, authorization?: string) =>
    api('/checkout-link/generate-checkout-url', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: authorization ?? (await token()) },
      body: JSON.stringify(body),
    });

  it('issues tokens that already carry their scheme, and refuses wrong credentials', async () => {
    expect(await token()).toMatch(/^Bearer \S+$/);
    const refused = await api('/generate-token', {
      method: 'POST',
      headers: { 'client-id': CLICKPESA_KEYS.clientId, 'api-key': 'nope' },
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ message: expect.any(String) });
  });

  it('applies ClickPesa’s checkout-link rules', async () => {
    const base = { totalPrice: '1000', orderReference: 'ORDER1', orderCurrency: 'TZS' };
    expect((await checkout(base, 'Bearer forged')).status).toBe(401);
    expect(await (await checkout({ ...base, orderReference: 'ORDER-1' })).json()).toEqual({
      message: 'Invalid Order Reference, should only contain alphanumeric characters and cannot be blank',
    });
    expect((await checkout({ ...base, orderCurrency: 'EUR' })).status).toBe(400);
    expect((await checkout({ ...base, totalPrice: 1000 })).status).toBe(400);
    expect((await checkout({ ...base, checksum: 'f'.repeat(64) })).status).toBe(400);
    const signed = { ...base, checksum: clickPesaTestChecksum(CLICKPESA_KEYS.checksumKey, base) };
    const created = await checkout(signed);
    expect(await created.json()).toEqual({
      checkoutLink: expect.stringMatching(/\/checkout\/\w+$/),
      clientId: CLICKPESA_KEYS.clientId,
    });
    const again = await checkout(base);
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      message: 'Order reference ORDER1 already used: Create a different reference',
    });
  });

  it('answers the payment-status call with an array, and 404 before any payment', async () => {
    await checkout({ totalPrice: '10.50', orderReference: 'ORDER2', orderCurrency: 'USD' });
    const authorization = await token();
    expect((await api('/payments/ORDER2', { headers: { authorization } })).status).toBe(404);
    await stand.pay('ORDER2', { deliver: false });
    const payments = (await (
      await api('/payments/ORDER2', { headers: { authorization } })
    ).json()) as unknown[];
    expect(payments).toEqual([
      expect.objectContaining({
        status: 'SUCCESS',
        orderReference: 'ORDER2',
        collectedAmount: 10.5,
        collectedCurrency: 'USD',
      }),
    ]);
  });

  it('serves a checkout page whose forms work without JavaScript and send checksummed webhooks', async () => {
    const adapter = new ClickPesaPaymentProvider({ ...CLICKPESA_KEYS, apiUrl: stand.apiUrl });
    const made = await adapter.createCheckout({
      topUpId: 'top1',
      amount: { amountMinor: 500_000, currency: 'TZS' },
      idempotencyKey: 'k',
      returnUrl: 'http://127.0.0.1:9/r',
      cancelUrl: 'http://127.0.0.1:9/r',
      callbackUrl: receiver.url,
    });
    const page = await (await fetch(made.checkoutUrl)).text();
    expect(page).not.toMatch(/<script|<link|src="http/);
    const failed = await submit(stand.url, formFor(page, 'fail'));
    expect(failed.headers.get('location')).toBe(
      `http://127.0.0.1:9/payment/return?orderReference=${made.providerRef}`,
    );
    const paid = await submit(stand.url, formFor(await (await fetch(made.checkoutUrl)).text(), 'pay'));
    expect(paid.status).toBe(303);
    const receipts = (await receiver.waitFor(2)).map((r) => adapter.receiveWebhook(r.body, headerOf(r)));
    expect(receipts.map((r) => (r.kind === 'notice' ? r.notice.state : r.kind))).toEqual(['failed', 'paid']);
    expect((await fetch(made.checkoutUrl)).status).toBe(409);
  });

  it('expires links, revokes tokens and refuses bad control input over HTTP', async () => {
    await checkout({ totalPrice: '1000', orderReference: 'ORDER3', orderCurrency: 'TZS' });
    const post = (path: string, body: unknown = {}) =>
      fetch(`${stand.url}/_stand-in${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('/orders/ORDER3/expire-link')).status).toBe(200);
    const link = stand.orders()[0]?.checkoutLink ?? '';
    expect((await fetch(link)).status).toBe(410);
    expect((await post('/orders/ORDER3/pay')).status).toBe(409);
    expect((await post('/orders/NOPE/pay')).status).toBe(404);
    expect((await post('/faults', { status: 418 })).status).toBe(400);
    expect((await post('/orders/ORDER3/pay', { format: 'xml' })).status).toBe(400);
    const authorization = await token();
    expect((await post('/tokens/revoke')).status).toBe(200);
    expect((await api('/payments/ORDER3', { headers: { authorization } })).status).toBe(401);
  });
});
