import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../src/testing/server-process';
import { HttpClient } from './support/http-client';
import {
  balancesOf,
  clickPesaReceived,
  clickPesaSigned,
  ledgerOf,
  openTopUp,
  postStripe,
  stripeSessionEvent,
  topUpRow,
  verifiedUser,
} from './support/payments';
import { devServerEnv } from './support/server-processes';
import { standInPaymentEnv, startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
let processes: Awaited<ReturnType<typeof startServerProcess>>[] = [];
let client: HttpClient;
let userId: string;
beforeAll(async () => {
  stack = await startTestStack();
  const env = devServerEnv(stack.simulator.url, {
    DATABASE_URL: stack.databaseUrl,
    PUBLIC_URL: stack.baseUrl,
    ...standInPaymentEnv({ stripe: stack.stripe.url, clickpesa: stack.clickpesa.apiUrl }),
    TOPUP_CURRENCIES: 'USD,TZS',
  });
  processes = await Promise.all([
    startServerProcess(env),
    startServerProcess({ ...env, RECONCILE_INTERVAL_SECONDS: '1' }),
  ]);
  ({
    client,
    user: { id: userId },
  } = await verifiedUser(stack, 'two-process-payer@example.com'));
}, 90_000);
afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await stack?.close();
});

const urls = () => processes.map((p) => p.url);

describe('two server processes on one database', () => {
  it('the same Stripe event delivered to both at once, twice each, credits once', async () => {
    const topUp = await openTopUp(stack, client, { amount: 4200, currency: 'USD' });
    const body = stripeSessionEvent({
      eventId: 'evt_two_processes',
      type: 'checkout.session.completed',
      sessionId: topUp.ref,
      topUpId: topUp.id,
      amountTotal: 4200,
      currency: 'usd',
      paymentStatus: 'paid',
      paymentIntent: 'pi_two_processes',
    });
    const answers = await Promise.all(
      urls().flatMap((url) => [postStripe(url, body), postStripe(url, body)]),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.filter((a) => !a.json.duplicate)).toHaveLength(1);
    expect(answers.every((a) => a.json.outcome === 'credited')).toBe(true);
    expect(await ledgerOf(stack, topUp.id)).toHaveLength(1);
    expect((await balancesOf(stack, userId)).USD).toBe('4200');
    const event = await stack.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('event_key', '=', 'stripe:evt_two_processes')
      .executeTakeFirstOrThrow();
    expect(event.delivery_count).toBe(4);
  });

  it('completed and async_payment_succeeded for one payment, one to each process at once: one credit', async () => {
    const topUp = await openTopUp(stack, client, { amount: 1000, currency: 'USD' });
    const common = {
      sessionId: topUp.ref,
      topUpId: topUp.id,
      amountTotal: 1000,
      currency: 'usd',
      paymentStatus: 'paid' as const,
      paymentIntent: 'pi_split_pair',
    };
    const [first, second] = urls();
    const answers = await Promise.all([
      postStripe(
        first as string,
        stripeSessionEvent({ ...common, eventId: 'evt_split_a', type: 'checkout.session.completed' }),
      ),
      postStripe(
        second as string,
        stripeSessionEvent({
          ...common,
          eventId: 'evt_split_b',
          type: 'checkout.session.async_payment_succeeded',
        }),
      ),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.map((a) => a.json.outcome).sort()).toEqual(['credited', 'stale']);
    expect(await ledgerOf(stack, topUp.id)).toHaveLength(1);
    expect((await balancesOf(stack, userId)).USD).toBe('5200');
  });

  it('the same ClickPesa notice delivered to both at once is confirmed and credits once', async () => {
    const topUp = await openTopUp(stack, client, { amount: 250000, currency: 'TZS', provider: 'clickpesa' });
    await stack.clickpesa.pay(topUp.ref, { deliver: false });
    const payment = stack.clickpesa.orders().find((o) => o.orderReference === topUp.ref)?.payments[0];
    const body = clickPesaSigned(clickPesaReceived(topUp.ref, payment?.id as string, '2500.00'));
    const answers = await Promise.all(
      urls().flatMap((url) =>
        [1, 2].map(() =>
          new HttpClient(url).request('POST', '/webhooks/clickpesa', {
            body,
            headers: { 'content-type': 'application/json' },
          }),
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.filter((a) => !a.json.duplicate && a.json.outcome === 'credited')).toHaveLength(1);
    expect(await ledgerOf(stack, topUp.id)).toHaveLength(1);
    expect((await balancesOf(stack, userId)).TZS).toBe('250000');
  });

  it('RECONCILE_INTERVAL_SECONDS: the server sweeps a top-up whose webhook was lost and credits it', async () => {
    const topUp = await openTopUp(stack, client, { amount: 800, currency: 'USD' });
    await stack.stripe.pay(topUp.ref, { deliver: false });
    // Its checkout's life is over (past the sweep's grace): what the timer looks for.
    await stack.db
      .updateTable('top_ups')
      .set({ checkout_expires_at: new Date(Date.now() - 3600_000) })
      .where('id', '=', topUp.id)
      .execute();
    let row = await topUpRow(stack, topUp.id);
    for (let i = 0; i < 300 && row.status === 'pending'; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      row = await topUpRow(stack, topUp.id);
    }
    expect(row.status).toBe('paid');
    expect(await ledgerOf(stack, topUp.id)).toMatchObject([{ source: 'reconcile' }]);
  });
});
