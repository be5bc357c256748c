import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import type { Database } from '@hero-onboarding/generated/onboarding';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServerProcess } from '../src/testing/server-process';
import { HttpClient } from './support/http-client';

let database: TestDatabase<Database>;
let server: Awaited<ReturnType<typeof startServerProcess>>;
beforeAll(async () => {
  database = await createTestDatabase<Database>();
  // `npm start` on a fresh machine: no payment keys, so both stand-ins run inside the server process.
  server = await startServerProcess({
    DATABASE_URL: database.url,
    NODE_ENV: 'development',
    KYC_DEMO_MODE: 'true',
  });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await database?.destroy();
});

it('dev mode: the Stripe stand-in runs in-process, is logged loudly, and a paid checkout credits the balance', async () => {
  expect(server.output()).toContain('STRIPE_SECRET_KEY is unset: Stripe is the local stand-in');
  expect(server.output()).toContain('CLICKPESA_CLIENT_ID is unset: ClickPesa is the local stand-in');
  const client = new HttpClient(server.url);
  const challenge = await client.post('/login/challenge', { email: 'dev@example.com' });
  await client.post('/login/verify', { email: 'dev@example.com', code: challenge.json.dev_code });
  expect((await client.get('/kyc/start')).status).toBe(302); // demo mode completes KYC

  const res = await client.post('/payment/intent', { amount: 4500, currency: 'USD' });
  expect(res.status).toBe(201);
  const checkout = new URL(res.json.checkout_url);
  expect(checkout.hostname).toBe('127.0.0.1');
  const page = await fetch(checkout);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('45.00');

  const listed = (await (await fetch(`${checkout.origin}/_stand-in/sessions`)).json()) as {
    sessions: { id: string }[];
  };
  const [session] = listed.sessions;
  const paid = await fetch(`${checkout.origin}/_stand-in/sessions/${session?.id}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(paid.status).toBe(200);
  const me = await client.get('/me');
  expect(me.json.balances).toEqual([{ currency: 'USD', amount_cents: '4500' }]);
});
