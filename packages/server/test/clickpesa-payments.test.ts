import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from './support/http-client';
import {
  balancesOf,
  clickPesaReceived,
  clickPesaSigned,
  countRows,
  ledgerOf,
  openTopUp,
  postClickPesa,
  topUpRow,
  verifiedUser,
} from './support/payments';
import { startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
let client: HttpClient;
let userId: string;
beforeAll(async () => {
  stack = await startTestStack();
  const verified = await verifiedUser(stack, 'clickpesa-payer@example.com');
  client = verified.client;
  userId = verified.user.id;
});
afterAll(async () => stack?.close());

/** 5 000 TZS in minor units. */
const tzs = (shillings = 5000) =>
  openTopUp(stack, client, { amount: shillings * 100, currency: 'TZS', provider: 'clickpesa' });
const lookups = () => stack.clickpesa.stats().calls.payment_status;
const tzsBalance = async () => Number((await balancesOf(stack, userId)).TZS ?? 0);

describe('ClickPesa top-ups', () => {
  it('PAYMENT RECEIVED is confirmed with the payment-status call before crediting, then credits once', async () => {
    const before = await tzsBalance();
    const topUp = await tzs();
    const asked = lookups();
    const deliveries = await stack.clickpesa.pay(topUp.ref, { repeat: 3 });
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
    // One confirmation: the repeats find the event already processed and ask nothing.
    expect(lookups() - asked).toBe(1);
    const row = await topUpRow(stack, topUp.id);
    expect(row.status).toBe('paid');
    const ledger = await ledgerOf(stack, topUp.id);
    expect(ledger).toHaveLength(1);
    const [order] = stack.clickpesa.orders().filter((o) => o.orderReference === topUp.ref);
    expect(ledger[0]).toMatchObject({
      provider: 'clickpesa',
      provider_payment_id: order?.payments[0]?.id,
      amount_cents: '500000',
      currency: 'TZS',
    });
    expect(await tzsBalance()).toBe(before + 500000);
    const event = await stack.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('provider', '=', 'clickpesa')
      .where('outcome', '=', 'credited')
      .executeTakeFirst();
    expect(event).toMatchObject({ delivery_count: 3, event_type: 'PAYMENT RECEIVED' });
  });

  it('a webhook the payment-status call contradicts credits nothing', async () => {
    const before = await tzsBalance();
    const topUp = await tzs();
    await stack.clickpesa.pay(topUp.ref, { deliver: false });
    stack.clickpesa.reverse(topUp.ref); // the money went back before the (late) webhook arrived
    const [late] = await stack.clickpesa.redeliver(
      stack.clickpesa.events().find((e) => e.orderReference === topUp.ref)?.id as string,
    );
    expect(late?.status).toBe(200);
    expect(await topUpRow(stack, topUp.id)).toMatchObject({
      status: 'failed',
      failure_reason: 'payment_failed',
    });
    expect(await ledgerOf(stack, topUp.id)).toHaveLength(0);
    expect(await tzsBalance()).toBe(before);
  });

  it('when the payment-status call fails, the delivery is kept unprocessed (503) and its retry credits', async () => {
    const before = await tzsBalance();
    const topUp = await tzs(7000);
    stack.clickpesa.setFaults({ endpoint: 'payment_status', status: 503, times: 2 });
    const [first] = await stack.clickpesa.pay(topUp.ref);
    expect(first?.status).toBe(503);
    const recorded = await stack.db
      .selectFrom('webhook_events')
      .selectAll()
      .where(
        'event_key',
        'like',
        `%${stack.clickpesa.orders().find((o) => o.orderReference === topUp.ref)?.payments[0]?.id}`,
      )
      .executeTakeFirstOrThrow();
    expect(recorded).toMatchObject({ processed_at: null, outcome: 'deferred' });
    expect(recorded.payload).toContain(topUp.ref);
    expect((await topUpRow(stack, topUp.id)).status).toBe('pending');
    stack.clickpesa.setFaults({});
    const [retry] = await stack.clickpesa.redeliver(
      stack.clickpesa.events().find((e) => e.orderReference === topUp.ref)?.id as string,
    );
    expect(retry?.status).toBe(200);
    expect((await topUpRow(stack, topUp.id)).status).toBe('paid');
    expect(await tzsBalance()).toBe(before + 700000);
  });

  it('a webhook the status call does not confirm yet is kept unprocessed (503); a later delivery settles it', async () => {
    const before = await tzsBalance();
    const topUp = await tzs(6000);
    // ClickPesa says "received" before its payment-status call shows the payment (no attempt there yet).
    const body = clickPesaSigned(clickPesaReceived(topUp.ref, 'EARLYPAYMENT1', '6000.00'));
    const early = await postClickPesa(stack.baseUrl, body);
    expect(early.status).toBe(503);
    expect(early.json.error.code).toBe('payment_provider_error');
    expect((await topUpRow(stack, topUp.id)).status).toBe('pending');
    const recorded = await stack.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('event_key', 'like', '%EARLYPAYMENT1')
      .executeTakeFirstOrThrow();
    expect(recorded).toMatchObject({ processed_at: null, outcome: 'deferred' });
    await stack.clickpesa.pay(topUp.ref, { deliver: false });
    const retry = await postClickPesa(stack.baseUrl, body);
    expect(retry.status).toBe(200);
    expect(retry.json).toMatchObject({ duplicate: false, outcome: 'credited' });
    expect(await tzsBalance()).toBe(before + 600000);
  });

  it('PAYMENT FAILED closes the top-up as failed', async () => {
    const topUp = await tzs();
    const [delivery] = await stack.clickpesa.pay(topUp.ref, { outcome: 'failed' });
    expect(delivery?.status).toBe(200);
    expect(await topUpRow(stack, topUp.id)).toMatchObject({ status: 'failed' });
    expect(await ledgerOf(stack, topUp.id)).toHaveLength(0);
  });

  it('a collected amount that differs from the top-up holds it for admins and credits nothing', async () => {
    const before = await tzsBalance();
    const topUp = await tzs();
    await stack.clickpesa.pay(topUp.ref, { collectedAmount: '50.00' });
    expect(await topUpRow(stack, topUp.id)).toMatchObject({
      status: 'held',
      flag: 'amount_mismatch',
      reported_amount_cents: '5000',
    });
    expect(await tzsBalance()).toBe(before);
  });

  it('the legacy payload and a checksum in a header are understood too', async () => {
    const before = await tzsBalance();
    const topUp = await tzs(3000);
    const [delivery] = await stack.clickpesa.pay(topUp.ref, { format: 'legacy', checksumIn: 'header' });
    expect(delivery?.status).toBe(200);
    expect(await tzsBalance()).toBe(before + 300000);
  });

  it('a missing or wrong checksum is a 401 that stores and changes nothing', async () => {
    const topUp = await tzs();
    const body = clickPesaReceived(topUp.ref, 'FORGEDPAYMENT1', '5000.00');
    const before = await countRows(stack, 'webhook_events');
    const asked = lookups();
    const attempts = [
      await postClickPesa(stack.baseUrl, JSON.stringify(body)),
      await postClickPesa(stack.baseUrl, clickPesaSigned(body, 'not-the-key')),
      await postClickPesa(stack.baseUrl, clickPesaSigned(body).replace('5000.00', '9000.00')),
      await postClickPesa(stack.baseUrl, 'not json'),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('invalid_signature');
    }
    expect(await countRows(stack, 'webhook_events')).toBe(before);
    expect(lookups()).toBe(asked);
    expect((await topUpRow(stack, topUp.id)).status).toBe('pending');
  });

  it('an authentic notice for an unknown order is a 2xx, recorded, with no status call', async () => {
    const asked = lookups();
    const res = await postClickPesa(
      stack.baseUrl,
      clickPesaSigned(clickPesaReceived('NoSuchOrder123', 'PAYMENTX1', '10.00')),
    );
    expect(res.status).toBe(200);
    expect(res.json.outcome).toBe('ignored:unknown_top_up');
    expect(lookups()).toBe(asked);
  });

  it('an authentic body without an order reference is a 400', async () => {
    const res = await postClickPesa(
      stack.baseUrl,
      clickPesaSigned({ event: 'PAYMENT RECEIVED', data: { id: 'X1' } }),
    );
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('malformed_webhook');
  });

  it('ClickPesa sends the person back with its order reference: /payment/return finds the top-up by it', async () => {
    const topUp = await tzs();
    const res = await client.get(`/payment/return?orderReference=${topUp.ref}`);
    expect(res.status).toBe(200);
    expect(res.json.top_up).toMatchObject({ id: topUp.id, provider: 'clickpesa', status: 'pending' });
    const stranger = await stack.signIn('stranger-clickpesa@example.com');
    expect((await stranger.client.get(`/payment/return?orderReference=${topUp.ref}`)).status).toBe(404);
  });
});
