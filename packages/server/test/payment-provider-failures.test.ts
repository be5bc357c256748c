import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from './support/http-client';
import { balancesOf, intent, ledgerOf, topUpRow, verifiedUser } from './support/payments';
import { startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
let client: HttpClient;
let userId: string;
beforeAll(async () => {
  // Short enough to keep the slow case quick, long enough that a busy machine does not turn an answer
  // the test expects (a refusal, say) into a timeout.
  stack = await startTestStack({ env: { PAYMENT_PROVIDER_TIMEOUT_MS: '1500' } });
  ({
    client,
    user: { id: userId },
  } = await verifiedUser(stack, 'provider-trouble@example.com'));
});
afterEach(() => {
  stack.stripe.setFaults({});
  stack.clickpesa.setFaults({});
});
afterAll(async () => stack?.close());

/** The newest top-up of the user: the one the failed request created. */
const newestTopUp = () =>
  stack.db
    .selectFrom('top_ups')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();

async function until<T>(find: () => T | undefined): Promise<T> {
  for (let i = 0; i < 800; i += 1) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('never happened');
}

describe('a payment provider in trouble when a top-up is created', () => {
  it.each([
    ['Stripe is down (connection dropped)', 'stripe', { refuse: true }],
    ['Stripe answers 500', 'stripe', { status: 500 as const, times: 3 }],
    ['Stripe rate-limits', 'stripe', { status: 429 as const, times: 3 }],
    ['ClickPesa is down', 'clickpesa', { refuse: true }],
  ] as const)(
    '%s: 503 with Retry-After, the top-up failed, nothing credited',
    async (_, provider, faults) => {
      (provider === 'stripe' ? stack.stripe : stack.clickpesa).setFaults(faults);
      const body =
        provider === 'stripe'
          ? { amount: 2000, currency: 'USD' }
          : { amount: 200000, currency: 'TZS', provider };
      const res = await intent(client, body);
      expect(res.status).toBe(503);
      expect(res.json.error.code).toBe('payment_provider_error');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await newestTopUp()).toMatchObject({
        provider,
        status: 'failed',
        failure_reason: 'provider_unavailable',
        provider_ref: null,
      });
    },
  );

  it('Stripe refuses the request: 502, the top-up failed', async () => {
    stack.stripe.setFaults({ status: 400 });
    const res = await intent(client, { amount: 2100, currency: 'USD' });
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe('payment_provider_error');
    expect(res.text).not.toContain('stack');
    expect(await newestTopUp()).toMatchObject({ status: 'failed', failure_reason: 'provider_refused' });
  });

  it('a browser sees an error page, not a redirect', async () => {
    stack.stripe.setFaults({ refuse: true });
    const res = await client.request('POST', '/payment/intent', {
      body: 'amount=2200&currency=USD',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('data-code="payment_provider_error"');
  });

  it('Stripe too slow: 503 and the top-up failed; the session it made anyway is never credited, only flagged', async () => {
    stack.stripe.setFaults({ delayMs: 4000 });
    const res = await intent(client, { amount: 2300, currency: 'USD' });
    expect(res.status).toBe(503);
    const topUp = await newestTopUp();
    expect(topUp).toMatchObject({ status: 'failed', failure_reason: 'provider_unavailable' });
    // The stand-in finishes creating the session after we gave up; someone pays it and Stripe says so.
    const session = await until(() => stack.stripe.sessions().find((s) => s.clientReferenceId === topUp.id));
    stack.stripe.setFaults({});
    const [delivery] = await stack.stripe.pay(session.id);
    expect(delivery?.status).toBe(200);
    expect(await topUpRow(stack, topUp.id)).toMatchObject({
      status: 'failed',
      flag: 'paid_after_close',
      reported_amount_cents: '2300',
    });
    expect(await ledgerOf(stack, topUp.id)).toHaveLength(0);
    expect((await balancesOf(stack, userId)).USD).toBeUndefined();
  });
});
