import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type StripeStandIn, startStripeStandIn } from '../src/stand-ins/stripe';
import { formFor, submit } from './support/html-form';
import { STRIPE_KEYS } from './support/keys';
import { startReceiver, type WebhookReceiver } from './support/receiver';

describe('Stripe stand-in', () => {
  let stand: StripeStandIn;
  let receiver: WebhookReceiver;
  let clock: number;
  let sdk: Stripe;

  beforeEach(async () => {
    receiver = await startReceiver('/webhooks/stripe');
    clock = Date.now();
    stand = await startStripeStandIn({
      ...STRIPE_KEYS,
      webhookUrl: receiver.url,
      asyncSettleMs: 0,
      now: () => clock,
    });
    const { hostname, port } = new URL(stand.url);
    sdk = new Stripe(STRIPE_KEYS.secretKey, {
      host: hostname,
      port: Number(port),
      protocol: 'http',
      maxNetworkRetries: 0,
    });
  });
  afterEach(async () => {
    await stand.close();
    await receiver.close();
  });

  const create = (extra: Partial<Stripe.Checkout.SessionCreateParams> = {}, idempotencyKey?: string) =>
    sdk.checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: { currency: 'usd', unit_amount: 2500, product_data: { name: 'Top-up' } },
          },
        ],
        success_url: 'http://127.0.0.1:9/return?session={CHECKOUT_SESSION_ID}',
        cancel_url: 'http://127.0.0.1:9/canceled',
        ...extra,
      },
      idempotencyKey ? { idempotencyKey } : {},
    );
  const events = (bodies: readonly { body: Uint8Array; headers: Record<string, string> }[]) =>
    bodies.map(({ body, headers }) =>
      Stripe.webhooks.constructEvent(
        Buffer.from(body),
        headers['stripe-signature'] ?? '',
        STRIPE_KEYS.webhookSecret,
      ),
    );

  it('serves a checkout page whose Pay form works without JavaScript and sends a signed event', async () => {
    const session = await create();
    const page = await (await fetch(session.url ?? '')).text();
    expect(page).not.toMatch(/<script|<link|src="http/);
    const response = await submit(stand.url, formFor(page, 'pay'));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`http://127.0.0.1:9/return?session=${session.id}`);
    const [event] = events(await receiver.waitFor(1));
    expect(event).toMatchObject({
      type: 'checkout.session.completed',
      data: { object: { id: session.id, payment_status: 'paid' } },
    });
    expect((await fetch(session.url ?? '')).status).toBe(409);
  });

  it('pays later from the page: completed unpaid, then the async result on its own', async () => {
    const session = await create();
    const page = await (await fetch(session.url ?? '')).text();
    await submit(stand.url, formFor(page, 'later_fails'));
    const [completed, failed] = events(await receiver.waitFor(2));
    expect(completed).toMatchObject({
      type: 'checkout.session.completed',
      data: { object: { payment_status: 'unpaid' } },
    });
    expect(failed).toMatchObject({ type: 'checkout.session.async_payment_failed' });
  });

  it('cancels back to cancel_url leaving the session open, and expires it from the page', async () => {
    const session = await create();
    const page = await (await fetch(session.url ?? '')).text();
    const canceled = await submit(stand.url, formFor(page, 'cancel'));
    expect(canceled.headers.get('location')).toBe('http://127.0.0.1:9/canceled');
    expect((await sdk.checkout.sessions.retrieve(session.id)).status).toBe('open');
    await submit(stand.url, formFor(page, 'expire'));
    expect((await sdk.checkout.sessions.retrieve(session.id)).status).toBe('expired');
    expect(events(await receiver.waitFor(1))[0]).toMatchObject({ type: 'checkout.session.expired' });
    expect((await fetch(session.url ?? '')).status).toBe(410);
  });

  it('expires a session when its expires_at passes', async () => {
    const session = await create({ expires_at: Math.floor(clock / 1000) + 1800 });
    clock += 1801 * 1000;
    expect((await sdk.checkout.sessions.retrieve(session.id)).status).toBe('expired');
    expect(events(await receiver.waitFor(1))[0]).toMatchObject({ type: 'checkout.session.expired' });
  });

  it('replays an idempotent create and refuses the key with other parameters', async () => {
    const first = await create({}, 'key-1');
    const raw = await fetch(`${stand.url}/v1/checkout/sessions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${STRIPE_KEYS.secretKey}`,
        'idempotency-key': 'key-1',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'mode=payment&line_items[0][quantity]=1&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=2500&line_items[0][price_data][product_data][name]=Top-up&success_url=http%3A%2F%2F127.0.0.1%3A9%2Freturn%3Fsession%3D%7BCHECKOUT_SESSION_ID%7D&cancel_url=http%3A%2F%2F127.0.0.1%3A9%2Fcanceled',
    });
    expect(raw.headers.get('idempotent-replayed')).toBe('true');
    expect(((await raw.json()) as { id: string }).id).toBe(first.id);
    await expect(create({ client_reference_id: 'other' }, 'key-1')).rejects.toMatchObject({
      rawType: 'idempotency_error',
      statusCode: 400,
    });
    expect(stand.stats().sessionsCreated).toBe(1);
  });

  it('answers errors in Stripe’s shape', async () => {
    const noKey = await fetch(`${stand.url}/v1/checkout/sessions/cs_test_x`);
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({
      error: { type: 'invalid_request_error', message: expect.any(String) },
    });
    await expect(
      new Stripe('sk_test_wrong', {
        host: new URL(stand.url).hostname,
        port: Number(new URL(stand.url).port),
        protocol: 'http',
      }).checkout.sessions.retrieve('cs_test_x'),
    ).rejects.toMatchObject({ statusCode: 401 });
    await expect(sdk.checkout.sessions.retrieve('cs_test_missing')).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
    await expect(create({ success_url: undefined as unknown as string })).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'success_url',
    });
    await expect(create({ expires_at: Math.floor(clock / 1000) + 60 })).rejects.toMatchObject({
      statusCode: 400,
      param: 'expires_at',
    });
    const unknown = await fetch(`${stand.url}/v1/customers`, {
      headers: { authorization: `Bearer ${STRIPE_KEYS.secretKey}` },
    });
    expect(unknown.status).toBe(404);
  });

  it('is driven over its HTTP control API too', async () => {
    const session = await create();
    const post = (path: string, body: unknown) =>
      fetch(`${stand.url}/_stand-in${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post(`/sessions/${session.id}/pay`, { repeat: 2 })).status).toBe(200);
    expect(events(await receiver.waitFor(2)).map((event) => event.id)).toEqual(
      Array(2).fill(stand.events()[0]?.id),
    );
    expect((await post(`/sessions/${session.id}/pay`, {})).status).toBe(409);
    expect((await post('/sessions/cs_test_nope/expire', {})).status).toBe(404);
    const typo = await post('/faults', { stauts: 500 });
    expect(typo.status).toBe(400);
    expect(await typo.json()).toEqual({ error: { message: "unknown fault 'stauts'" } });
    expect((await post(`/events/${stand.events()[0]?.id}/redeliver`, { times: 1 })).status).toBe(200);
    const stats = (await (await fetch(`${stand.url}/_stand-in/stats`)).json()) as {
      deliveries: unknown[];
      calls: unknown;
    };
    expect(stats.deliveries).toHaveLength(3);
    expect(stats.calls).toEqual({ create_session: 1, retrieve_session: 0 });
  });

  it('counts faulted calls and lets a fault target one endpoint', async () => {
    const session = await create();
    stand.setFaults({ status: 503, endpoint: 'retrieve_session', times: 2 });
    await expect(create()).resolves.toMatchObject({ object: 'checkout.session' });
    await expect(sdk.checkout.sessions.retrieve(session.id)).rejects.toMatchObject({ statusCode: 503 });
    await expect(sdk.checkout.sessions.retrieve(session.id)).rejects.toMatchObject({ statusCode: 503 });
    await expect(sdk.checkout.sessions.retrieve(session.id)).resolves.toMatchObject({ id: session.id });
    expect(stand.stats().calls).toEqual({ create_session: 2, retrieve_session: 3 });
  });
});
