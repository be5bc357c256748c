import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../src/payments/reconcile';
import { balancesOf, ledgerOf, openTopUp, topUpRow, verifiedUser } from './support/payments';
import { STRIPE, startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.close());

const retrieves = () => stack.stripe.stats().calls.retrieve_session;

describe('the reconcile sweep', () => {
  it('settles each top-up left pending past its checkout life once, by the provider word', async () => {
    const { client: sweeper, user } = await verifiedUser(stack, 'sweep@example.com');
    const open = (body: Record<string, unknown>) => openTopUp(stack, sweeper, body);
    const paidQuietly = await open({ amount: 1000, currency: 'USD' });
    await stack.stripe.pay(paidQuietly.ref, { deliver: false });
    const expiredQuietly = await open({ amount: 1100, currency: 'USD' });
    await stack.stripe.expire(expiredQuietly.ref, { deliver: false });
    const neverPaid = await open({ amount: 1200, currency: 'USD' });
    const settling = await open({ amount: 1300, currency: 'USD' });
    await stack.stripe.payLater(settling.ref, { deliver: false });
    const clickpesaUnpaid = await open({ amount: 140000, currency: 'TZS', provider: 'clickpesa' });
    const abandoned = await stack.db
      .insertInto('top_ups')
      .values({ user_id: user.id, provider: 'stripe', amount_cents: '1500', currency: 'USD' })
      .returning('id')
      .executeTakeFirstOrThrow();

    const later = new Date(Date.now() + 3 * 3600_000);
    const deps = { ...stack.deps, now: () => later };
    const summary = await reconcile(deps);
    expect(summary).toMatchObject({ credited: 1, closed: 3, stillPending: 1, lookupFailed: 0, abandoned: 1 });
    expect(await topUpRow(stack, paidQuietly.id)).toMatchObject({ status: 'paid' });
    expect(await ledgerOf(stack, paidQuietly.id)).toMatchObject([{ source: 'reconcile' }]);
    expect(await topUpRow(stack, expiredQuietly.id)).toMatchObject({ status: 'expired' });
    expect(await topUpRow(stack, neverPaid.id)).toMatchObject({
      status: 'expired',
      failure_reason: 'checkout_expired',
    });
    expect(await topUpRow(stack, settling.id)).toMatchObject({ status: 'pending' });
    expect(await topUpRow(stack, clickpesaUnpaid.id)).toMatchObject({ status: 'expired' });
    expect(await topUpRow(stack, abandoned.id)).toMatchObject({
      status: 'failed',
      failure_reason: 'checkout_not_created',
    });
    expect((await balancesOf(stack, user.id)).USD).toBe('1000');

    // Within the interval nobody is asked again; the settling payment is asked next time.
    const asked = retrieves();
    expect(await reconcile(deps)).toMatchObject({ checked: 0 });
    expect(retrieves()).toBe(asked);
    await stack.stripe.settle(settling.ref, 'succeeded', { deliver: false });
    await stack.db
      .updateTable('top_ups')
      .set({ status_checked_at: null })
      .where('id', '=', settling.id)
      .execute();
    expect(await reconcile(deps)).toMatchObject({ checked: 1, credited: 1 });
    expect((await balancesOf(stack, user.id)).USD).toBe('2300');
  });

  it('a provider that does not answer leaves the top-up pending for the next sweep', async () => {
    const { client: other } = await verifiedUser(stack, 'sweep-down@example.com');
    const topUp = await openTopUp(stack, other, { amount: 1000, currency: 'USD' });
    stack.stripe.setFaults({ endpoint: 'retrieve_session', status: 503, times: 5 });
    try {
      const summary = await reconcile({ ...stack.deps, now: () => new Date(Date.now() + 3 * 3600_000) });
      expect(summary.lookupFailed).toBeGreaterThanOrEqual(1);
    } finally {
      stack.stripe.setFaults({});
    }
    expect((await topUpRow(stack, topUp.id)).status).toBe('pending');
  });
});

describe('npm run reconcile', () => {
  it('runs one sweep against the configured providers, prints its summary and exits 0', async () => {
    const { client: payer, user } = await verifiedUser(stack, 'sweep-cli@example.com');
    const topUp = await openTopUp(stack, payer, { amount: 900, currency: 'USD' });
    await stack.stripe.pay(topUp.ref, { deliver: false });
    await stack.db
      .updateTable('top_ups')
      .set({ checkout_expires_at: new Date(Date.now() - 3600_000), status_checked_at: null })
      .where('id', '=', topUp.id)
      .execute();
    const main = fileURLToPath(new URL('../src/payments/reconcile-main.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', main], {
      timeout: 60_000,
      env: {
        ...process.env,
        DATABASE_URL: stack.databaseUrl,
        LOG_LEVEL: 'warn',
        STRIPE_SECRET_KEY: STRIPE.secretKey,
        STRIPE_WEBHOOK_SECRET: STRIPE.webhookSecret,
        STRIPE_API_URL: stack.stripe.url,
      },
    });
    const summary = JSON.parse(stdout.trim().split('\n').at(-1) as string).reconcile;
    expect(summary).toMatchObject({ credited: 1 });
    expect(stdout).toContain('ClickPesa is in stand-in mode without its API URL; skipped');
    expect(await ledgerOf(stack, topUp.id)).toMatchObject([{ source: 'reconcile' }]);
    expect((await balancesOf(stack, user.id)).USD).toBe('900');
  }, 90_000);
});
