import { createHash } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import type { Database } from '@hero-onboarding/generated/onboarding';
import { type IdenfySimulator, startIdenfySimulator } from '@hero-onboarding/kyc/simulator';
import { startStripeStandIn } from '@hero-onboarding/payments/stand-ins';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../src/testing/server-process';
import { HttpClient } from './support/http-client';
import { expectNoSecretsLogged } from './support/log-leaks';
import { stripeSessionEvent, stripeSignature } from './support/payments';
import { CONFIGURED_SECRETS, IDENFY, SESSION_SECRET, STRIPE } from './support/stack';
import { idenfyResult, idenfySignature } from './support/webhook';

/**
 * The server SIGKILLed in the middle of a burst of iDenfy or Stripe webhooks (each delivered twice, as iDenfy's
 * retries would), then the deliveries repeated to a fresh process: every result applied exactly once.
 */
let database: TestDatabase<Database>;
let simulator: IdenfySimulator;
const processes: ServerProcess[] = [];
let env: Record<string, string>;
beforeAll(async () => {
  database = await createTestDatabase<Database>();
  simulator = await startIdenfySimulator({ ...IDENFY, port: 0 });
  env = {
    DATABASE_URL: database.url,
    ONBOARDING_DEV_MODE: 'true',
    IDENFY_DEV_MODE: 'true',
    IDENFY_API_URL: simulator.url,
    IDENFY_API_KEY: IDENFY.apiKey,
    IDENFY_API_SECRET: IDENFY.apiSecret,
    IDENFY_WEBHOOK_SECRET: IDENFY.webhookSecret,
    SESSION_SECRET,
    LOGIN_RATE_LIMIT_PER_IP: '1000',
    LOG_LEVEL: 'debug',
  };
}, 60_000);
afterAll(async () => {
  for (const p of processes) await p.stop();
  await simulator?.close();
  await database?.destroy();
});

const N = 40;

async function openSessions(server: ServerProcess) {
  const bodies: string[] = [];
  for (let i = 0; i < N; i++) {
    const client = new HttpClient(server.url);
    const email = `burst-${i}@example.com`;
    const { json } = await client.post('/login/challenge', { email });
    const verified = await client.post('/login/verify', { email, code: json.dev_code });
    expect((await client.get('/kyc/start')).status).toBe(302);
    const session = await database.db
      .selectFrom('kyc_sessions')
      .select(['idenfy_scan_ref', 'client_id'])
      .where('user_id', '=', verified.json.user.id)
      .executeTakeFirstOrThrow();
    bodies.push(
      JSON.stringify(
        idenfyResult({
          scanRef: session.idenfy_scan_ref as string,
          clientId: session.client_id,
          overall: 'APPROVED',
          final: true,
        }),
      ),
    );
  }
  return bodies;
}

type Outcome =
  | { body: number; status: number; duplicate: boolean | undefined }
  | { body: number; failed: true };

function deliver(
  url: string,
  body: string,
  index: number,
  to: 'idenfy' | 'stripe' = 'idenfy',
): Promise<Outcome> {
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

describe('SIGKILL during a burst of iDenfy webhooks', () => {
  it('every result is applied exactly once after the deliveries are repeated', async () => {
    const first = await startServerProcess(env);
    processes.push(first);
    const bodies = await openSessions(first);

    let answered = 0;
    let killed: Promise<number | null> | undefined;
    const burst = await Promise.all(
      [...bodies, ...bodies].map((body, i) =>
        deliver(first.url, body, i % N).then((outcome) => {
          answered += 1;
          if (answered === 10) killed = first.kill('SIGKILL');
          return outcome;
        }),
      ),
    );
    expect(await killed).toBeNull();
    const cut = burst.filter((o) => 'failed' in o);
    expect(cut.length).toBeGreaterThan(0); // the kill really landed mid-burst

    // iDenfy repeats what was not acknowledged; here every body is repeated, acknowledged or not.
    const second = await startServerProcess(env);
    processes.push(second);
    const repeats = await Promise.all(bodies.map((body, i) => deliver(second.url, body, i)));
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
    const sessions = await database.db.selectFrom('kyc_sessions').select('status').execute();
    expect(sessions.map((s) => s.status)).toEqual(Array(N).fill('completed'));

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
      const first = await startServerProcess(payEnv);
      processes.push(first);
      const payments: { userId: string; amount: number; body: string }[] = [];
      for (let i = 0; i < 20; i++) {
        const client = new HttpClient(first.url);
        const email = `payer-${i}@example.com`;
        const { json } = await client.post('/login/challenge', { email });
        const { json: signedIn } = await client.post('/login/verify', { email, code: json.dev_code });
        await client.get('/kyc/start');
        const session = await database.db
          .selectFrom('kyc_sessions')
          .select('idenfy_scan_ref')
          .where('user_id', '=', signedIn.user.id)
          .executeTakeFirstOrThrow();
        await simulator.complete(session.idenfy_scan_ref as string, { overall: 'APPROVED', final: true });
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
        payments.push({ userId: signedIn.user.id, amount, body });
      }

      let answered = 0;
      let killed: Promise<number | null> | undefined;
      const burst = await Promise.all(
        [...payments, ...payments].map((p, i) =>
          deliver(first.url, p.body, i % payments.length, 'stripe').then((outcome) => {
            answered += 1;
            if (answered === 10) killed = first.kill('SIGKILL');
            return outcome;
          }),
        ),
      );
      expect(await killed).toBeNull();
      expect(burst.filter((o) => 'failed' in o).length).toBeGreaterThan(0);

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
