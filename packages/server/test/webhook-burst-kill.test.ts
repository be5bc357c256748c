import { createHash } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import type { Database } from '@hero-onboarding/generated/onboarding';
import { type IdenfySimulator, startIdenfySimulator } from '@hero-onboarding/kyc/simulator';
import { startStripeStandIn } from '@hero-onboarding/payments/stand-ins';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../src/testing/server-process';
import { expectNoSecretsLogged } from './support/log-leaks';
import { stripeSessionEvent, stripeSignature } from './support/payments';
import { busyBackends, lockRows, lockWaiters, until } from './support/row-locks';
import { approvableSession, devServerEnv } from './support/server-processes';
import { CONFIGURED_SECRETS, IDENFY, STRIPE } from './support/stack';
import { idenfySignature } from './support/webhook';

/**
 * The server SIGKILLed in the middle of a burst of iDenfy or Stripe webhooks (each delivered twice, as the
 * providers' retries would), then the deliveries repeated to a fresh process: every result applied exactly
 * once. "In the middle" is made certain, not left to timing: the test holds row locks that some deliveries
 * need, so those are inside their transactions (the inbox row written, the result not yet applied) when
 * the kill lands, and every other delivery has been answered.
 */
let database: TestDatabase<Database>;
let simulator: IdenfySimulator;
const processes: ServerProcess[] = [];
let env: Record<string, string>;
beforeAll(async () => {
  database = await createTestDatabase<Database>();
  simulator = await startIdenfySimulator({ ...IDENFY, port: 0 });
  env = devServerEnv(simulator.url, {
    DATABASE_URL: database.url,
    LOGIN_RATE_LIMIT_PER_IP: '1000',
    LOG_LEVEL: 'debug',
  });
}, 60_000);
afterAll(async () => {
  for (const p of processes) await p.stop();
  await simulator?.close();
  await database?.destroy();
});

/**
 * The process that is killed: its deliveries wait on the test's locks for as long as the test needs
 * (no lock, statement or query deadline cuts them short on a slow machine), with connections to spare
 * for the deliveries that are not held.
 */
const patient = {
  DATABASE_POOL_MAX: '40',
  DATABASE_LOCK_TIMEOUT_MS: '120000',
  DATABASE_STATEMENT_TIMEOUT_MS: '120000',
  DATABASE_QUERY_TIMEOUT_MS: '120000',
  DATABASE_CONNECT_TIMEOUT_MS: '60000',
};

type Outcome =
  | { body: number; status: number; duplicate: boolean | undefined }
  | { body: number; failed: true };

function deliver(url: string, body: string, index: number, to: 'idenfy' | 'stripe'): Promise<Outcome> {
  const signature =
    to === 'idenfy'
      ? { 'idenfy-signature': idenfySignature(body) }
      : { 'stripe-signature': stripeSignature(body) };
  return fetch(`${url}/webhooks/${to}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...signature },
  }).then(
    async (res) => ({
      body: index,
      status: res.status,
      duplicate: ((await res.json()) as { duplicate?: boolean }).duplicate,
    }),
    () => ({ body: index, failed: true as const }),
  );
}

/**
 * Delivers every body twice at once to `server`, and SIGKILLs it once the deliveries of the `held` bodies
 * all wait on the test's locks (each on its row, its twin on the first one's inbox row) and every other
 * delivery is answered. Returns every outcome.
 */
async function burstThenKill(
  server: ServerProcess,
  bodies: readonly string[],
  held: ReadonlySet<number>,
  to: 'idenfy' | 'stripe',
  locks: { release(): Promise<void> },
): Promise<Outcome[]> {
  let answered = 0;
  const burst = [...bodies, ...bodies].map((body, i) =>
    deliver(server.url, body, i % bodies.length, to).then((outcome) => {
      answered += 1;
      return outcome;
    }),
  );
  const free = 2 * (bodies.length - held.size);
  await until(`${free} deliveries answered`, () => answered === free);
  await until(`${2 * held.size} deliveries waiting on locks`, async () => {
    return (await lockWaiters(database.db)) === 2 * held.size;
  });
  expect(await server.kill('SIGKILL')).toBeNull();
  const outcomes = await Promise.all(burst);
  await locks.release();
  // The killed process's transactions roll back as their backends find the client gone.
  await until(
    'the killed server has no transaction left',
    async () => (await busyBackends(database.db)) === 0,
  );
  return outcomes;
}

/** Every fourth body: held in flight when the kill lands. */
const heldOf = (count: number) =>
  new Set(Array.from({ length: count }, (_, i) => i).filter((i) => i % 4 === 3));

describe('SIGKILL during a burst of webhooks', () => {
  it('iDenfy: every result is applied exactly once after the deliveries are repeated', async () => {
    const N = 40;
    const first = await startServerProcess({ ...env, ...patient });
    processes.push(first);
    const sessions = [];
    for (let i = 0; i < N; i++)
      sessions.push(await approvableSession(first.url, database.db, `burst-${i}@example.com`));
    const bodies = sessions.map((s) => s.body);
    const held = heldOf(N);
    const locks = await lockRows(
      database.url,
      'kyc_sessions',
      'idenfy_scan_ref',
      sessions.filter((_, i) => held.has(i)).map((s) => s.scanRef),
    );
    const burst = await burstThenKill(first, bodies, held, 'idenfy', locks);
    // Exactly the held deliveries were cut off by the kill; every other one was answered.
    const cut = burst.filter((o) => 'failed' in o);
    expect(cut.map((o) => o.body).sort((a, b) => a - b)).toEqual([...held, ...held].sort((a, b) => a - b));

    // iDenfy repeats what was not acknowledged; here every body is repeated, acknowledged or not.
    const second = await startServerProcess(env);
    processes.push(second);
    const repeats = await Promise.all(bodies.map((body, i) => deliver(second.url, body, i, 'idenfy')));
    for (const outcome of [...burst, ...repeats])
      if (!('failed' in outcome)) expect(outcome.status).toBe(200);
    expect(repeats.every((o) => !('failed' in o))).toBe(true);

    const events = await database.db.selectFrom('webhook_events').selectAll().execute();
    expect(events).toHaveLength(N);
    const byKey = new Map(events.map((e) => [e.event_key, e]));
    for (const [i, body] of bodies.entries()) {
      const event = byKey.get(`idenfy:${createHash('sha256').update(body).digest('hex')}`);
      expect(event?.outcome).toBe('moved:completed');
      expect(event?.processed_at).not.toBeNull();
      const acknowledged = [...burst, ...repeats].filter((o) => o.body === i && !('failed' in o));
      // Counted once per delivery that got through; never more than were sent.
      expect(event?.delivery_count).toBeGreaterThanOrEqual(acknowledged.length);
      expect(event?.delivery_count).toBeLessThanOrEqual(3);
      expect(
        acknowledged.filter((o) => 'duplicate' in o && o.duplicate === false).length,
      ).toBeLessThanOrEqual(1);
    }
    const users = await database.db.selectFrom('users').select('kyc_status').execute();
    expect(users.map((u) => u.kyc_status)).toEqual(Array(N).fill('completed'));
    const kycSessions = await database.db.selectFrom('kyc_sessions').select('status').execute();
    expect(kycSessions.map((s) => s.status)).toEqual(Array(N).fill('completed'));

    await second.stop();
    for (const p of processes)
      await expectNoSecretsLogged(p.output().split('\n'), database.db, CONFIGURED_SECRETS);
  });

  it('Stripe payments: each credited exactly once, the balance equal to what was paid', async () => {
    const stripe = await startStripeStandIn({ ...STRIPE, webhookUrl: 'http://127.0.0.1:9/unused' });
    const payEnv = {
      ...env,
      STRIPE_SECRET_KEY: STRIPE.secretKey,
      STRIPE_WEBHOOK_SECRET: STRIPE.webhookSecret,
      STRIPE_API_URL: stripe.url,
    };
    try {
      const first = await startServerProcess({ ...payEnv, ...patient });
      processes.push(first);
      const payments: { userId: string; topUpId: string; amount: number; body: string }[] = [];
      for (let i = 0; i < 20; i++) {
        const { client, userId, scanRef } = await approvableSession(
          first.url,
          database.db,
          `payer-${i}@example.com`,
        );
        await simulator.complete(scanRef, { overall: 'APPROVED', final: true });
        const amount = 1000 + i;
        const opened = await client.post('/payment/intent', { amount, currency: 'USD' });
        expect(opened.status).toBe(201);
        const topUp = await database.db
          .selectFrom('top_ups')
          .selectAll()
          .where('id', '=', opened.json.top_up.id)
          .executeTakeFirstOrThrow();
        const body = stripeSessionEvent({
          eventId: `evt_burst_${i}`,
          type: 'checkout.session.completed',
          sessionId: topUp.provider_ref as string,
          topUpId: topUp.id,
          amountTotal: amount,
          currency: 'usd',
          paymentStatus: 'paid',
          paymentIntent: `pi_burst_${i}`,
        });
        payments.push({ userId, topUpId: topUp.id, amount, body });
      }

      const held = heldOf(payments.length);
      const locks = await lockRows(
        database.url,
        'top_ups',
        'id',
        payments.filter((_, i) => held.has(i)).map((p) => p.topUpId),
      );
      const burst = await burstThenKill(
        first,
        payments.map((p) => p.body),
        held,
        'stripe',
        locks,
      );
      const cut = burst.filter((o) => 'failed' in o);
      expect(cut.map((o) => o.body).sort((a, b) => a - b)).toEqual([...held, ...held].sort((a, b) => a - b));

      const second = await startServerProcess(payEnv);
      processes.push(second);
      const repeats = await Promise.all(payments.map((p, i) => deliver(second.url, p.body, i, 'stripe')));
      for (const outcome of [...burst, ...repeats])
        if (!('failed' in outcome)) expect(outcome.status).toBe(200);
      expect(repeats.every((o) => !('failed' in o))).toBe(true);

      for (const [i, p] of payments.entries()) {
        const ledger = await database.db
          .selectFrom('payment_events')
          .selectAll()
          .where('user_id', '=', p.userId)
          .execute();
        expect(ledger.map((e) => [e.amount_cents, e.provider_payment_id])).toEqual([
          [String(p.amount), `pi_burst_${i}`],
        ]);
        const balance = await database.db
          .selectFrom('balances')
          .select(['currency', 'amount_cents'])
          .where('user_id', '=', p.userId)
          .execute();
        expect(balance).toEqual([{ currency: 'USD', amount_cents: String(p.amount) }]);
        const event = await database.db
          .selectFrom('webhook_events')
          .select(['outcome', 'processed_at'])
          .where('event_key', '=', `stripe:evt_burst_${i}`)
          .executeTakeFirstOrThrow();
        expect(event.outcome).toBe('credited');
      }
      const topUps = await database.db.selectFrom('top_ups').select('status').execute();
      expect(topUps.map((t) => t.status)).toEqual(Array(payments.length).fill('paid'));
      await second.stop();
      for (const p of [first, second])
        await expectNoSecretsLogged(p.output().split('\n'), database.db, [...CONFIGURED_SECRETS]);
    } finally {
      await stripe.close();
    }
  });
});
