import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbState } from './support/db-state';
import { sessionsOf, signInAndStart, userRow } from './support/kyc';
import { balancesOf, openTopUp, postStripe, stripeSessionEvent, verifiedUser } from './support/payments';
import { startTestStack, type TestStack } from './support/stack';

/** One user never reads or changes another's KYC session, or signs in with another's challenge. */
let stack: TestStack;
let alice: Awaited<ReturnType<typeof signInAndStart>>;
let bob: Awaited<ReturnType<typeof signInAndStart>>;
beforeAll(async () => {
  stack = await startTestStack();
  alice = await signInAndStart(stack, 'alice@example.com');
  bob = await signInAndStart(stack, 'bob@example.com');
  await stack.simulator.complete(alice.scanRef, { overall: 'DENIED', final: true });
});
afterAll(async () => stack?.close());

describe('between two users', () => {
  it("every read shows the caller's own session only, whatever ids they add", async () => {
    const reads = [
      await bob.client.get('/kyc/status'),
      await bob.client.get(`/kyc/status?user_id=${alice.user.id}&session_id=${alice.session.id}`),
      await bob.client.get(`/kyc/return?user_id=${alice.user.id}`),
      await bob.client.get(`/me?user_id=${alice.user.id}`),
    ];
    for (const res of reads) {
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(alice.session.id);
      expect(res.text).not.toContain(alice.session.idenfy_auth_token as string);
      expect(res.text).not.toContain('alice@example.com');
      expect(res.json.kyc.session_id).toBe(bob.session.id);
    }
  });

  it("another user's session cannot be reset, by body, form or query", async () => {
    const before = await dbState(stack.db);
    const attempts = [
      await bob.client.post('/kyc/reset', { user_id: alice.user.id }),
      await bob.client.request('POST', `/kyc/reset?user_id=${alice.user.id}`),
      await bob.client.request('POST', '/kyc/reset', {
        body: `user_id=${alice.user.id}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      await bob.client.post('/kyc/reset', { user_id: alice.user.id.toUpperCase() }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
    }
    expect(await dbState(stack.db)).toBe(before);
    expect((await userRow(stack, alice.user.id)).kyc_status).toBe('failed');
    expect(await sessionsOf(stack, alice.user.id)).toHaveLength(1);
    // Alice herself may.
    expect((await alice.client.post('/kyc/reset')).status).toBe(200);
  });

  it('a challenge works only for the address it was sent to', async () => {
    const aliceBrowser = stack.client();
    const aliceChallenge = (await aliceBrowser.post('/login/challenge', { email: 'alice@example.com' })).json;
    const bobChallenge = (await stack.client().post('/login/challenge', { email: 'bob@example.com' })).json;
    const attempts = [
      // Bob's own valid code and challenge, presented as Alice.
      { email: 'alice@example.com', code: bobChallenge.dev_code, challenge_id: bobChallenge.challenge_id },
      // Alice's challenge id and code, presented for another address.
      { email: 'bob@example.com', code: aliceChallenge.dev_code, challenge_id: aliceChallenge.challenge_id },
    ];
    for (const attempt of attempts) {
      const res = await stack.client().post('/login/verify', attempt);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('code_expired');
      expect(res.headers.get('set-cookie') ?? '').not.toMatch(/hero_session=[^;]/);
    }
    const rows = await stack.db
      .selectFrom('login_challenges')
      .select(['attempts', 'consumed_at'])
      .where('id', 'in', [aliceChallenge.challenge_id, bobChallenge.challenge_id])
      .execute();
    expect(rows).toEqual([
      { attempts: 0, consumed_at: null },
      { attempts: 0, consumed_at: null },
    ]);
    const signedIn = await aliceBrowser.post('/login/verify', {
      email: 'alice@example.com',
      code: aliceChallenge.dev_code,
    });
    expect(signedIn.json.user.email).toBe('alice@example.com');
  });

  it("top-ups: another user's is answered like a missing one, never looked up, and nobody opens one for someone else", async () => {
    const carol = await verifiedUser(stack, 'carol@example.com');
    const dave = await verifiedUser(stack, 'dave@example.com');
    const stripe = await openTopUp(stack, carol.client, { amount: 2500, currency: 'USD' });
    const clickpesa = await openTopUp(stack, carol.client, {
      amount: 300_000,
      currency: 'TZS',
      provider: 'clickpesa',
    });
    const before = await dbState(stack.db);
    for (const path of [
      `/payment/return?top_up=${stripe.id}`,
      `/payment/return?top_up=${clickpesa.id}`,
      `/payment/return?orderReference=${clickpesa.ref}`,
    ]) {
      const res = await dave.client.get(path);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain(stripe.ref);
      expect(res.text).not.toContain('carol@example.com');
    }
    expect(await dbState(stack.db)).toBe(before); // no provider lookup was claimed for Carol's top-ups
    // A user_id in the body is ignored: the top-up is always the caller's own.
    const own = await dave.client.post('/payment/intent', {
      amount: 1200,
      currency: 'USD',
      user_id: carol.user.id,
    });
    expect(own.status).toBe(201);
    const row = await stack.db
      .selectFrom('top_ups')
      .select('user_id')
      .where('id', '=', own.json.top_up.id)
      .executeTakeFirstOrThrow();
    expect(row.user_id).toBe(dave.user.id);
    // Carol's payment credits Carol only.
    const paid = stripeSessionEvent({
      eventId: 'evt_carol_paid',
      type: 'checkout.session.completed',
      sessionId: stripe.ref,
      topUpId: stripe.id,
      amountTotal: 2500,
      currency: 'usd',
      paymentStatus: 'paid',
      paymentIntent: 'pi_carol',
    });
    expect((await postStripe(stack.baseUrl, paid)).status).toBe(200);
    expect(await balancesOf(stack, carol.user.id)).toEqual({ USD: '2500' });
    expect(await balancesOf(stack, dave.user.id)).toEqual({});
  });
});
