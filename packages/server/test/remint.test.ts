import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionsOf, signInAndStart, userRow } from './support/kyc';
import { until } from './support/row-locks';
import { startTestStack, type TestStack } from './support/stack';
import { startTokenGate } from './support/token-gate';
import { idenfyResult, idenfySignature } from './support/webhook';

let stack: TestStack;
// The server reaches iDenfy through a gate, so a test can hold a token call in flight for as long as it needs.
let gate: Awaited<ReturnType<typeof startTokenGate>>;
beforeAll(async () => {
  gate = await startTokenGate(() => stack.simulator.url);
  stack = await startTestStack({ kycProviderUrl: gate.url });
});
afterAll(async () => {
  await stack?.close();
  await gate?.close();
});

/** A stack of its own (some settings changed) whose iDenfy calls go through a gate of its own. */
async function gatedStack(env: Record<string, string>) {
  let gated: TestStack | undefined;
  const own = await startTokenGate(() => (gated as TestStack).simulator.url);
  gated = await startTestStack({ env, kycProviderUrl: own.url });
  return {
    stack: gated,
    gate: own,
    async close() {
      await gated?.close();
      await own.close();
    },
  };
}

/** Waits until the session's mint lease has run out, by the database's clock. */
function leaseRunsOut(on: TestStack, userId: string) {
  return until('the mint lease runs out', async () => {
    const row = await on.db
      .selectFrom('kyc_sessions')
      .select(sql<boolean>`mint_lease_until is not null and mint_lease_until <= now()`.as('over'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return row.over;
  });
}

const minted = () => stack.simulator.stats().tokensMinted;
const statusCalls = () => stack.simulator.stats().statusCalls;

describe('re-minting an expired iDenfy token in place', () => {
  it('50 concurrent /kyc/status calls on one expired session mint exactly one token; nobody sees the dead one or EXPIRED', async () => {
    const { client, user, session, scanRef } = await signInAndStart(stack, 'fifty@example.com');
    const deadToken = session.idenfy_auth_token as string;
    await stack.simulator.expire(scanRef, { notify: true });
    const before = minted();
    stack.simulator.setFaults({ tokenDelayMs: 300 }); // widen the race window
    const responses = await Promise.all(Array.from({ length: 50 }, () => client.get('/kyc/status')));
    stack.simulator.setFaults({});

    expect(minted() - before).toBe(1);
    const [after] = await sessionsOf(stack, user.id);
    expect(after).toMatchObject({
      status: 'in_progress',
      recreation_count: 1,
      client_id: session.client_id,
      id: session.id,
    });
    expect(after?.idenfy_scan_ref).not.toBe(scanRef);
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect(['in_progress', 'pending']).toContain(res.json.kyc.status);
      expect(res.text).not.toContain(deadToken);
      expect([null, after?.idenfy_auth_token]).toContain(res.json.kyc.auth_token);
    }
    expect(responses.some((r) => r.json.kyc.auth_token === after?.idenfy_auth_token)).toBe(true);
    expect(await sessionsOf(stack, user.id)).toHaveLength(1);
    expect((await userRow(stack, user.id)).kyc_status).toBe('in_progress');
  });

  it('/kyc/start and /kyc/return resume an expired session in place too', async () => {
    const { client, user, scanRef, session } = await signInAndStart(stack, 'resume-routes@example.com');
    await stack.simulator.expire(scanRef, { notify: true });
    const start = await client.get('/kyc/start');
    expect(start.status).toBe(302);
    const [reminted] = await sessionsOf(stack, user.id);
    expect(reminted?.recreation_count).toBe(1);
    expect(start.headers.get('location')).toContain(
      encodeURIComponent(reminted?.idenfy_auth_token as string),
    );
    expect(start.headers.get('location')).not.toContain(
      encodeURIComponent(session.idenfy_auth_token as string),
    );

    await stack.simulator.expire(reminted?.idenfy_scan_ref as string, { notify: true });
    const page = await client.get('/kyc/return', { accept: 'text/html' });
    expect(page.text).not.toMatch(/expired/i);
    expect((await sessionsOf(stack, user.id))[0]?.recreation_count).toBe(2);
  });

  it('a lease that runs out while the winner waits on iDenfy: one stored token, the late token discarded', async () => {
    const gated = await gatedStack({ KYC_MINT_LEASE_SECONDS: '1' });
    const { stack: slow, gate: slowGate } = gated;
    try {
      const { client, user, scanRef } = await signInAndStart(slow, 'lease@example.com');
      await slow.simulator.expire(scanRef, { notify: true });
      const before = slow.simulator.stats().tokensMinted;
      slowGate.hold();
      const first = client.get('/kyc/status'); // wins the lease, then waits on iDenfy (held at the gate)
      await until('the winner calls iDenfy', () => slowGate.held() === 1);
      await leaseRunsOut(slow, user.id);
      slowGate.open();
      const second = await client.get('/kyc/status'); // claims the expired lease, mints, stores
      const [peer] = await sessionsOf(slow, user.id);
      expect(second.json.kyc.auth_token).toBe(peer?.idenfy_auth_token);
      // Let iDenfy accept the late call too (the peer's token is no longer active there), so the
      // late winner really holds a second token when it tries to store it.
      await slow.simulator.expire(peer?.idenfy_scan_ref as string, { notify: false });
      slowGate.release();
      const late = await first;

      expect(slow.simulator.stats().tokensMinted - before).toBe(2);
      const [stored] = await sessionsOf(slow, user.id);
      expect(stored).toEqual(peer);
      const lateToken = slow.simulator.sessions().at(-1)?.authToken as string;
      expect(lateToken).not.toBe(stored?.idenfy_auth_token);
      // Its compare-and-set matched no row: it answers with the stored peer state, never its own token.
      expect(late.status).toBe(200);
      expect(late.text).not.toContain(lateToken);
      expect(slow.logger.lines.some((l) => l.includes('discarded a minted iDenfy token'))).toBe(true);
    } finally {
      await gated.close();
    }
  });

  it('a late winner that iDenfy refuses as a duplicate client id answers with the peer state, not an error', async () => {
    const gated = await gatedStack({ KYC_MINT_LEASE_SECONDS: '1' });
    const { stack: slow, gate: slowGate } = gated;
    try {
      const { client, user, scanRef } = await signInAndStart(slow, 'lease-409@example.com');
      await slow.simulator.expire(scanRef, { notify: true });
      slowGate.hold();
      const first = client.get('/kyc/status');
      await until('the winner calls iDenfy', () => slowGate.held() === 1);
      await leaseRunsOut(slow, user.id);
      slowGate.open();
      const second = await client.get('/kyc/status');
      slowGate.release();
      const late = await first; // iDenfy answers 409: the peer's token is live
      const [stored] = await sessionsOf(slow, user.id);
      expect(stored?.recreation_count).toBe(1);
      expect(second.json.kyc.auth_token).toBe(stored?.idenfy_auth_token);
      expect(late.status).toBe(200);
      expect([null, stored?.idenfy_auth_token]).toContain(late.json.kyc.auth_token);
    } finally {
      await gated.close();
    }
  });

  it('expiry learnt from a status check writes the EXPIRED sentinel before re-minting', async () => {
    const { client, user, scanRef } = await signInAndStart(stack, 'sentinel@example.com');
    await stack.simulator.expire(scanRef, { notify: false }); // iDenfy knows; no webhook reached us
    await stack.db
      .updateTable('kyc_sessions')
      .set({ token_expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    gate.hold(); // the re-mint waits at the gate: the state before it stays visible
    const pending = client.get('/kyc/status');
    await until('the re-mint calls iDenfy', () => gate.held() === 1);
    const [row] = await sessionsOf(stack, user.id);
    const sawSentinel =
      row?.provider_status === 'EXPIRED' && row.idenfy_scan_ref === scanRef && row.status === 'in_progress';
    gate.release();
    const res = await pending;
    expect(sawSentinel).toBe(true);
    const [after] = await sessionsOf(stack, user.id);
    expect(after).toMatchObject({ recreation_count: 1, provider_status: null, status: 'in_progress' });
    expect(res.json.kyc.auth_token).toBe(after?.idenfy_auth_token);
  });

  it('an EXPIRED webhook arriving while the re-mint is in flight does not strand the new token', async () => {
    const { client, user, scanRef, session } = await signInAndStart(stack, 'expired-mid-mint@example.com');
    await stack.simulator.expire(scanRef, { notify: false });
    await stack.db
      .updateTable('kyc_sessions')
      .set({ token_expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    const before = minted();
    gate.hold();
    const pending = client.get('/kyc/status'); // status check -> sentinel -> mint, held at the gate
    await until('the re-mint calls iDenfy', () => gate.held() === 1);
    const body = JSON.stringify(
      idenfyResult({ scanRef, clientId: session.client_id, overall: 'EXPIRED', final: true }),
    );
    const hook = await stack
      .client()
      .request('POST', '/webhooks/idenfy', { body, headers: { 'idenfy-signature': idenfySignature(body) } });
    expect(hook.json.outcome).toBe('moved:expired');
    gate.release();
    const res = await pending;
    const [after] = await sessionsOf(stack, user.id);
    expect(minted() - before).toBe(1);
    expect(after).toMatchObject({ status: 'in_progress', recreation_count: 1, mint_lease_until: null });
    expect(res.json.kyc.auth_token).toBe(after?.idenfy_auth_token);
  });

  it('a token call that times out after iDenfy minted anyway: one call per lease, then a fresh client id', async () => {
    // A lease long enough that the checks below always run inside it, however busy the machine.
    const gated = await gatedStack({ IDENFY_TIMEOUT_MS: '300', KYC_MINT_LEASE_SECONDS: '4' });
    const { stack: timing, gate: timingGate } = gated;
    try {
      const { client, user, scanRef, session } = await signInAndStart(timing, 'timeout-minted@example.com');
      await timing.simulator.expire(scanRef, { notify: true });
      timingGate.hold();
      const timedOut = await client.get('/kyc/status'); // gives up on the held call after 300 ms
      expect(timedOut.status).toBe(503);
      expect(timedOut.json.error.code).toBe('kyc_provider_error');
      timingGate.release(); // iDenfy receives the call after all, and mints the orphan token
      const orphansOf = () => timing.simulator.sessions().filter((s) => s.clientId === session.client_id);
      await until('iDenfy mints the orphan', () => orphansOf().length === 2);
      expect(orphansOf()).toHaveLength(2);

      // The lease is kept after a timeout: no further iDenfy call until it runs out.
      const held = await client.get('/kyc/status');
      expect(held.json.kyc).toMatchObject({ status: 'in_progress', auth_token: null });
      expect(timing.logger.lines.some((l) => l.includes('unknown live token'))).toBe(false);

      await leaseRunsOut(timing, user.id);
      const recovered = await client.get('/kyc/status');
      const [after] = await sessionsOf(timing, user.id);
      expect(recovered.json.kyc.auth_token).toBe(after?.idenfy_auth_token);
      expect(after?.client_id).not.toBe(session.client_id);
      expect(after?.client_id.startsWith(`${user.id}-`)).toBe(true);
      expect(after?.recreation_count).toBe(1);
      expect(timing.logger.lines.filter((l) => l.includes('unknown live token'))).toHaveLength(1);
    } finally {
      await gated.close();
    }
  });

  it('a token past its expiry while iDenfy still says ACTIVE is withheld, not re-minted, and checked at most once per interval', async () => {
    const { client, user, session } = await signInAndStart(stack, 'mid-flow@example.com');
    await stack.db
      .updateTable('kyc_sessions')
      .set({ token_expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    const mintedBefore = minted();
    const checksBefore = statusCalls();
    const views = await Promise.all(Array.from({ length: 10 }, () => client.get('/kyc/status')));
    expect(statusCalls() - checksBefore).toBe(1);
    expect(minted()).toBe(mintedBefore);
    for (const v of views) {
      expect(v.json.kyc).toMatchObject({ status: 'in_progress', auth_token: null });
      expect(v.text).not.toContain(session.idenfy_auth_token as string);
    }
  });

  it('the cap: the 11th expiry ends the session for good and makes no iDenfy call', async () => {
    const { client, user } = await signInAndStart(stack, 'cap@example.com');
    for (let i = 1; i <= 10; i++) {
      const [current] = await sessionsOf(stack, user.id);
      await stack.simulator.expire(current?.idenfy_scan_ref as string, { notify: true });
      const res = await client.get('/kyc/status');
      expect(res.json.kyc.status).toBe('in_progress');
      expect((await sessionsOf(stack, user.id))[0]?.recreation_count).toBe(i);
    }
    const [last] = await sessionsOf(stack, user.id);
    await stack.simulator.expire(last?.idenfy_scan_ref as string, { notify: true });
    const mintedBefore = minted();
    const checksBefore = statusCalls();
    const ended = await client.get('/kyc/status');
    expect(ended.json.kyc).toMatchObject({
      status: 'expired',
      can_reset: true,
      auth_token: null,
      verification_url: null,
      remints_left: 0,
    });
    expect((await client.get('/kyc/start')).headers.get('location')).toBe('/kyc/return');
    await client.get('/kyc/return');
    expect(minted()).toBe(mintedBefore);
    expect(statusCalls()).toBe(checksBefore);
    expect((await sessionsOf(stack, user.id))[0]).toMatchObject({ status: 'expired', recreation_count: 10 });
    expect((await userRow(stack, user.id)).kyc_status).toBe('expired');

    const reset = await client.post('/kyc/reset');
    expect(reset.json.kyc.status).toBe('pending');
    expect((await client.get('/kyc/start')).status).toBe(302);
    expect(await sessionsOf(stack, user.id)).toHaveLength(2);
  });

  it.each(['APPROVED', 'SUSPECTED', 'DENIED'] as const)(
    'a %s session is never re-minted',
    async (overall) => {
      const { client, user, scanRef } = await signInAndStart(
        stack,
        `terminal-${overall.toLowerCase()}@example.com`,
      );
      await stack.simulator.complete(scanRef, { overall, final: true });
      await stack.db
        .updateTable('kyc_sessions')
        .set({ token_expires_at: new Date(Date.now() - 1000) })
        .where('user_id', '=', user.id)
        .execute();
      const mintedBefore = minted();
      const checksBefore = statusCalls();
      await client.get('/kyc/status');
      await client.get('/kyc/start');
      await client.get('/kyc/return');
      expect(minted()).toBe(mintedBefore);
      expect(statusCalls()).toBe(checksBefore);
      expect((await sessionsOf(stack, user.id))[0]?.recreation_count).toBe(0);
    },
  );

  it('a webhook for the replaced scanRef arriving late changes nothing', async () => {
    const { client, user, scanRef, session } = await signInAndStart(stack, 'late-old-ref@example.com');
    await stack.simulator.expire(scanRef, { notify: true });
    await client.get('/kyc/status');
    const [reminted] = await sessionsOf(stack, user.id);
    expect(reminted?.idenfy_scan_ref).not.toBe(scanRef);
    const body = JSON.stringify(
      idenfyResult({ scanRef, clientId: session.client_id, overall: 'APPROVED', final: true }),
    );
    const res = await stack
      .client()
      .request('POST', '/webhooks/idenfy', { body, headers: { 'idenfy-signature': idenfySignature(body) } });
    expect(res.status).toBe(200);
    expect(res.json.outcome).toBe('ignored:unknown_scan_ref');
    expect((await sessionsOf(stack, user.id))[0]).toEqual(reminted);
    expect((await userRow(stack, user.id)).kyc_status).toBe('in_progress');
  });

  it('a locked kyc_sessions table answers 503 with Retry-After instead of hanging', async () => {
    const { client } = await signInAndStart(stack, 'locked-table@example.com');
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let locked: () => void = () => {};
    const lockTaken = new Promise<void>((r) => (locked = r));
    const locker = stack.db.transaction().execute(async (trx) => {
      await sql`lock table kyc_sessions in access exclusive mode`.execute(trx);
      locked();
      await held;
    });
    await lockTaken;
    const res = await client.get('/kyc/status');
    release();
    await locker;
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe('service_unavailable');
    expect(res.headers.get('retry-after')).not.toBeNull();
  });

  it('a locked session row answers 503 with Retry-After, not a 500 or a guess', async () => {
    const { client, user, scanRef } = await signInAndStart(stack, 'locked@example.com');
    await stack.simulator.expire(scanRef, { notify: true });
    const mintedBefore = minted();
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let locked: () => void = () => {};
    const lockTaken = new Promise<void>((r) => (locked = r));
    const locker = stack.db.transaction().execute(async (trx) => {
      await trx.selectFrom('kyc_sessions').select('id').where('user_id', '=', user.id).forUpdate().execute();
      locked();
      await held;
    });
    await lockTaken;
    const res = await client.get('/kyc/status');
    release();
    await locker;
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe('service_unavailable');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(minted()).toBe(mintedBefore);
    expect((await client.get('/kyc/status')).json.kyc.auth_token).not.toBeNull();
  });
});
