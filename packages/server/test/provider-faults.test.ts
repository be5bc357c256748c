import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokenIdenfy } from './support/broken-idenfy';
import { sessionsOf, signInAndStart } from './support/kyc';
import { startTestStack, type TestStack } from './support/stack';

/**
 * iDenfy down or silent: a clear error with Retry-After, retries only where repeating is safe (status
 * reads, once), never a retried token call (it costs a credit and may have minted), and nothing
 * half-written in our database.
 */
describe('iDenfy answering 5xx', () => {
  let broken: Awaited<ReturnType<typeof startBrokenIdenfy>>;
  let stack: TestStack;
  beforeAll(async () => {
    broken = await startBrokenIdenfy('unavailable');
    stack = await startTestStack({ kycProviderUrl: broken.url });
  });
  afterAll(async () => {
    await stack?.close();
    await broken?.close();
  });

  it('a token call is a 503 kyc_provider_error, tried once, and leaves a clean pending session', async () => {
    const { client, user } = await stack.signIn('down-mint@example.com');
    const res = await client.get('/kyc/start');
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe('kyc_provider_error');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(broken.calls('/api/v2/token')).toBe(1);
    const [session] = await sessionsOf(stack, user.id);
    expect(session).toMatchObject({
      status: 'pending',
      idenfy_scan_ref: null,
      idenfy_auth_token: null,
      mint_lease_until: null,
    });
    // The lease was released: the next try calls iDenfy again at once (and fails the same clear way).
    expect((await client.get('/kyc/start')).status).toBe(503);
    expect(broken.calls('/api/v2/token')).toBe(2);
    expect(await sessionsOf(stack, user.id)).toHaveLength(1);
  });
});

describe('iDenfy status reads', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => stack?.close());

  it('a read that fails once is retried once and its answer applied', async () => {
    const { client, user, scanRef, session } = await signInAndStart(stack, 'flaky-status@example.com');
    await stack.simulator.expire(scanRef, { notify: false });
    stack.simulator.setFaults({ nextStatusCallStatus: 500 });
    const calls = stack.simulator.stats().statusCalls;
    const res = await client.get('/kyc/return');
    expect(res.status).toBe(200);
    expect(stack.simulator.stats().statusCalls - calls).toBe(2);
    // The retry learnt of the expiry, so the person got a fresh token, not the dead one.
    const [after] = await sessionsOf(stack, user.id);
    expect(after?.recreation_count).toBe(1);
    expect(res.json.kyc.auth_token).toBe(after?.idenfy_auth_token);
    expect(res.json.kyc.auth_token).not.toBe(session.idenfy_auth_token);
  });
});

describe('iDenfy down for status reads, or not answering at all', () => {
  let broken: Awaited<ReturnType<typeof startBrokenIdenfy>>;
  let silent: Awaited<ReturnType<typeof startBrokenIdenfy>>;
  let stack: TestStack;
  beforeAll(async () => {
    broken = await startBrokenIdenfy('unavailable');
    silent = await startBrokenIdenfy('silent');
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.close();
    await broken?.close();
    await silent?.close();
  });

  it('status reads that keep failing: two tries, then the stored view (no error), and no new try within the interval', async () => {
    const { client, user, session } = await signInAndStart(stack, 'status-down@example.com');
    const down = await startTestStack({
      kycProviderUrl: broken.url,
      database: { url: stack.databaseUrl, db: stack.db },
    });
    try {
      const cookie = { cookie: `hero_session=${client.cookie('hero_session')}` };
      const first = await down.client().get('/kyc/return', cookie);
      expect(first.status).toBe(200);
      expect(first.json.kyc).toMatchObject({ status: 'in_progress', auth_token: session.idenfy_auth_token });
      expect(broken.calls('/api/v2/status')).toBe(2);
      expect((await down.client().get('/kyc/return', cookie)).status).toBe(200);
      expect(broken.calls('/api/v2/status')).toBe(2);
      const [after] = await sessionsOf(stack, user.id);
      expect(after).toMatchObject({ status: 'in_progress', idenfy_scan_ref: session.idenfy_scan_ref });
    } finally {
      await down.close();
    }
  });

  it('a token call that never answers: 503 after IDENFY_TIMEOUT_MS, one call per lease, no half-stored token', async () => {
    const hung = await startTestStack({
      kycProviderUrl: silent.url,
      env: { IDENFY_TIMEOUT_MS: '300' },
      database: { url: stack.databaseUrl, db: stack.db },
    });
    try {
      const { client, user } = await hung.signIn('silent-mint@example.com');
      const res = await client.get('/kyc/start');
      expect(res.status).toBe(503);
      expect(res.json.error.code).toBe('kyc_provider_error');
      const [session] = await sessionsOf(stack, user.id);
      // iDenfy may have minted; the lease stays to its end so a storm of retries cannot follow.
      expect(session).toMatchObject({ status: 'pending', idenfy_auth_token: null, idenfy_scan_ref: null });
      expect(session?.mint_lease_until).not.toBeNull();
      const again = await client.get('/kyc/start');
      expect(again.status).toBe(302);
      expect(again.headers.get('location')).toBe('/kyc/return');
      expect(silent.calls('/api/v2/token')).toBe(1);
    } finally {
      await hung.close();
    }
  });
});
