import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbState } from './support/db-state';
import {
  balancesOf,
  clickPesaReceived,
  clickPesaSigned,
  openTopUp,
  stripeSessionEvent,
  stripeSignature,
  topUpRow,
  verifiedUser,
} from './support/payments';
import { STRIPE, startTestStack, type TestStack } from './support/stack';

/**
 * Property-based, like the iDenfy fuzz: nothing without the provider's key, and nothing signed that is not
 * an event we understand, changes a row or gets anything but a 4xx, while a live pending top-up per
 * provider is the target of every body.
 */
let stack: TestStack;
let userId: string;
let stripeTopUp: Awaited<ReturnType<typeof openTopUp>>;
let clickpesaTopUp: Awaited<ReturnType<typeof openTopUp>>;
beforeAll(async () => {
  stack = await startTestStack();
  const user = await verifiedUser(stack, 'fuzz-payer@example.com');
  userId = user.user.id;
  stripeTopUp = await openTopUp(stack, user.client, { amount: 1500, currency: 'USD' });
  clickpesaTopUp = await openTopUp(stack, user.client, {
    amount: 500_000,
    currency: 'TZS',
    provider: 'clickpesa',
  });
});
afterAll(async () => stack?.close());

const stripePaid = () =>
  JSON.parse(
    stripeSessionEvent({
      eventId: 'evt_fuzz_target',
      type: 'checkout.session.completed',
      sessionId: stripeTopUp.ref,
      topUpId: stripeTopUp.id,
      amountTotal: 1500,
      currency: 'usd',
      paymentStatus: 'paid',
      paymentIntent: 'pi_fuzz_target',
    }),
  ) as Record<string, unknown>;
const clickpesaPaid = () =>
  clickPesaReceived(clickpesaTopUp.ref, 'FUZZPAYMENT1', '5000.00') as Record<string, unknown>;

async function deliver(path: string, body: string | Uint8Array, headers: Record<string, string>) {
  const before = await dbState(stack.db);
  const res = await stack.app.request(path, { method: 'POST', body, headers });
  const json = (await res.json().catch(() => undefined)) as { error?: { code?: string } } | undefined;
  expect(await dbState(stack.db)).toBe(before);
  expect(json?.error?.code).toMatch(/^[a-z_]+$/);
  return res.status;
}

/** `path` ("a.b.c") of a copy of `body` set to `value`, or removed when `value` is undefined. */
function withField(body: Record<string, unknown>, path: string, value: unknown): string {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys.at(-1) as string;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return JSON.stringify(copy);
}

/** Random JSON that is certainly not an event: an object never carries both a string id and a type. */
const notAnEvent = (keys: readonly string[]) =>
  fc.jsonValue().filter((v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return true;
    return !keys.every((k) => typeof (v as Record<string, unknown>)[k] === 'string');
  });

describe('POST /webhooks/stripe under random input', () => {
  it('without the signing key (or too old): 401 and no change', async () => {
    const signature = fc.oneof(
      fc.string({ unit: 'grapheme-ascii', maxLength: 120 }),
      fc.stringMatching(/^t=\d{10},v1=[0-9a-f]{64}$/),
      fc.constant('wrong-secret'),
      fc.constant('too-old'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.constant(JSON.stringify(stripePaid()))),
        signature,
        async (body, sig) => {
          const text = typeof body === 'string' ? body : Buffer.from(body).toString('latin1');
          const header =
            sig === 'wrong-secret'
              ? stripeSignature(text, 'whsec_someone_else')
              : sig === 'too-old'
                ? stripeSignature(text, STRIPE.webhookSecret, Math.floor(Date.now() / 1000) - 3600)
                : sig;
          const status = await deliver('/webhooks/stripe', body, {
            'content-type': 'application/json',
            'stripe-signature': header,
          });
          expect(status).toBe(401);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('signed garbage and broken session events: 400 and no change', async () => {
    const broken = fc
      .constantFrom<[string, unknown[]]>(
        ['id', [undefined, null, 0, '', [], {}]],
        ['type', [undefined, null, 0, '', [], {}]],
        ['data', [undefined, null, 'x', []]],
        ['data.object.object', [undefined, 'payment_intent', 0]],
        ['data.object.id', [undefined, '', 0]],
        ['data.object.status', [undefined, 'done', 0]],
        ['data.object.payment_status', [undefined, 'PAID', 0]],
        ['data.object.payment_intent', [undefined, null, 0, []]],
        ['data.object.amount_total', [undefined, null, '1500', -1, 1.5]],
        ['data.object.currency', [undefined, 5, 'usdollars']],
      )
      .chain(([path, values]) =>
        fc.constantFrom(...values).map((value) => withField(stripePaid(), path, value)),
      );
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1')),
      notAnEvent(['id', 'type']).map((v) => JSON.stringify(v) ?? 'null'),
      broken,
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const status = await deliver('/webhooks/stripe', text, {
          'content-type': 'application/json',
          'stripe-signature': stripeSignature(text),
        });
        expect(status).toBe(400);
      }),
      { numRuns: 150 },
    );
  });
});

describe('POST /webhooks/clickpesa under random input', () => {
  it('without the checksum key: 401 and no change', async () => {
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1')),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
      fc.stringMatching(/^[0-9a-f]{64}$/).map((checksum) => JSON.stringify({ ...clickpesaPaid(), checksum })),
      fc.constant(clickPesaSigned(clickpesaPaid(), 'someone-elses-key')),
      fc.constant(JSON.stringify({ ...JSON.parse(clickPesaSigned(clickpesaPaid())), checksumMethod: 'md5' })),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        expect(await deliver('/webhooks/clickpesa', text, { 'content-type': 'application/json' })).toBe(401);
      }),
      { numRuns: 120 },
    );
  });

  it('checksummed garbage and broken payment events: 400 and no change', async () => {
    const broken = fc
      .constantFrom<[string, unknown[]]>(
        ['event', [undefined, null, 0, '']],
        ['data', [undefined, 'x', []]],
        ['data.orderReference', [undefined, '', 'ORD-1/..', 5]],
        ['data.id', [undefined, '', 5]],
        ['data.collectedAmount', [undefined, null, 'abc']],
      )
      .chain(([path, values]) =>
        fc
          .constantFrom(...values)
          .map((value) => clickPesaSigned(JSON.parse(withField(clickpesaPaid(), path, value)))),
      );
    const garbage = fc
      // Keys our test signer orders as ClickPesa does (it leaves numeric keys aside).
      .dictionary(
        fc.stringMatching(/^[a-z][a-zA-Z_]{0,7}$/),
        fc.oneof(
          fc.string(),
          fc.double(),
          fc.boolean(),
          fc.constant(null),
          fc.array(fc.string(), { maxLength: 3 }),
        ),
        { maxKeys: 4 },
      )
      .filter((o) => typeof o.event !== 'string' && typeof o.eventType !== 'string' && !('checksum' in o))
      .map((o) => clickPesaSigned(o));
    await fc.assert(
      fc.asyncProperty(fc.oneof(garbage, broken), async (text) => {
        expect(await deliver('/webhooks/clickpesa', text, { 'content-type': 'application/json' })).toBe(400);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the targets', () => {
  it('were live all along: neither top-up moved, and no balance was credited', async () => {
    expect((await topUpRow(stack, stripeTopUp.id)).status).toBe('pending');
    expect((await topUpRow(stack, clickpesaTopUp.id)).status).toBe('pending');
    expect(await balancesOf(stack, userId)).toEqual({});
    // And an authentic body for the Stripe one is still accepted.
    const body = JSON.stringify(stripePaid());
    const res = await stack.app.request('/webhooks/stripe', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'stripe-signature': stripeSignature(body) },
    });
    expect(res.status).toBe(200);
    expect((await topUpRow(stack, stripeTopUp.id)).status).toBe('paid');
  });
});
