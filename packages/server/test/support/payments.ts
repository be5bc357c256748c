import { createHmac } from 'node:crypto';
import { HttpClient } from './http-client';
import { signInAndStart } from './kyc';
import { CLICKPESA, STRIPE, type TestStack } from './stack';

/** A signed-in user whose KYC the iDenfy simulator approved through a real signed webhook. */
export async function verifiedUser(stack: TestStack, email: string) {
  const started = await signInAndStart(stack, email);
  const delivered = await stack.simulator.complete(started.scanRef, { overall: 'APPROVED', final: true });
  if (delivered[0]?.status !== 200) throw new Error('the KYC webhook was not accepted');
  return started;
}

/** POST /payment/intent as an API client. */
export function intent(client: HttpClient, body: Record<string, unknown>) {
  return client.post('/payment/intent', body);
}

/** Opens a top-up and returns its id and checkout reference (Stripe session id or ClickPesa order reference). */
export async function openTopUp(stack: TestStack, client: HttpClient, body: Record<string, unknown>) {
  const res = await intent(client, body);
  if (res.status !== 201) throw new Error(`payment/intent answered ${res.status}: ${res.text}`);
  const row = await topUpRow(stack, res.json.top_up.id);
  return { id: row.id, ref: row.provider_ref as string, checkoutUrl: res.json.checkout_url as string, row };
}

export function topUpRow(stack: TestStack, id: string) {
  return stack.db.selectFrom('top_ups').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export function ledgerOf(stack: TestStack, topUpId: string) {
  return stack.db.selectFrom('payment_events').selectAll().where('top_up_id', '=', topUpId).execute();
}

/** The user's balances as { CURRENCY: amount_cents }. */
export async function balancesOf(stack: TestStack, userId: string): Promise<Record<string, string>> {
  const rows = await stack.db.selectFrom('balances').selectAll().where('user_id', '=', userId).execute();
  return Object.fromEntries(rows.map((r) => [r.currency, r.amount_cents]));
}

export async function countRows(stack: TestStack, table: 'top_ups' | 'payment_events' | 'webhook_events') {
  const row = await stack.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Signs like Stripe (`t=<unix>,v1=<hex HMAC-SHA256 of "t.body">`), written here from Stripe's docs,
 * independent of the SDK and of the stand-in.
 */
export function stripeSignature(
  body: string,
  secret = STRIPE.webhookSecret,
  at = Math.floor(Date.now() / 1000),
) {
  const v1 = createHmac('sha256', secret).update(`${at}.${body}`).digest('hex');
  return `t=${at},v1=${v1}`;
}

/** A `checkout.session.*` event for one of our sessions, as Stripe would send it. */
export function stripeSessionEvent(fields: {
  eventId: string;
  type: string;
  sessionId: string;
  topUpId: string;
  amountTotal: number;
  currency: string;
  paymentStatus: 'paid' | 'unpaid';
  paymentIntent: string | null;
  status?: 'open' | 'complete' | 'expired';
}) {
  return JSON.stringify({
    id: fields.eventId,
    object: 'event',
    api_version: '2025-01-27.acacia',
    created: Math.floor(Date.now() / 1000),
    type: fields.type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: {
      object: {
        id: fields.sessionId,
        object: 'checkout.session',
        mode: 'payment',
        status: fields.status ?? 'complete',
        payment_status: fields.paymentStatus,
        payment_intent: fields.paymentIntent,
        amount_total: fields.amountTotal,
        currency: fields.currency,
        client_reference_id: fields.topUpId,
        metadata: { top_up_id: fields.topUpId },
      },
    },
  });
}

/** POSTs a Stripe webhook body to a server, signed unless a signature is given. */
export function postStripe(baseUrl: string, body: string, signature = stripeSignature(body)) {
  return new HttpClient(baseUrl).request('POST', '/webhooks/stripe', {
    body,
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
  });
}

/** Keys sorted at every level, compact: ClickPesa's canonical form for our (non-numeric-key) test bodies. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A ClickPesa webhook body carrying its checksum (HMAC-SHA256 of the canonical body), written from its docs. */
export function clickPesaSigned(body: Record<string, unknown>, key = CLICKPESA.checksumKey): string {
  const checksum = createHmac('sha256', key).update(canonical(body)).digest('hex');
  return JSON.stringify({ ...body, checksum });
}

export function postClickPesa(baseUrl: string, body: string) {
  return new HttpClient(baseUrl).request('POST', '/webhooks/clickpesa', {
    body,
    headers: { 'content-type': 'application/json' },
  });
}

/** A PAYMENT RECEIVED body as ClickPesa sends it. */
export function clickPesaReceived(orderReference: string, paymentId: string, collectedAmount: string) {
  return {
    event: 'PAYMENT RECEIVED',
    data: {
      id: paymentId,
      status: 'SUCCESS',
      orderReference,
      collectedAmount,
      collectedCurrency: 'TZS',
      channel: 'TIGO-PESA',
      message: 'Payment received',
    },
  };
}
