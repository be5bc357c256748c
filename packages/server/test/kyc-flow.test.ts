import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionsOf, signInAndStart, userRow } from './support/kyc';
import { ADMIN_API_TOKEN, startTestStack, type TestStack } from './support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.close());

describe('KYC end to end over HTTP', () => {
  it('sign in -> start -> simulator approves -> signed webhook -> user completed', async () => {
    const { client, user } = await stack.signIn('flow@example.com');
    const before = await client.get('/kyc/status');
    expect(before.json.kyc).toMatchObject({ status: 'pending', session_id: null, auth_token: null });

    const start = await client.get('/kyc/start');
    expect(start.status).toBe(302);
    const location = start.headers.get('location') ?? '';
    expect(location.startsWith(`${stack.simulator.url}/api/v2/redirect?authToken=`)).toBe(true);

    const [session] = await sessionsOf(stack, user.id);
    expect(session).toMatchObject({ status: 'in_progress', recreation_count: 0 });
    expect(session?.client_id).toMatch(new RegExp(`^${user.id}-\\d+$`));
    expect(location).toContain(encodeURIComponent(session?.idenfy_auth_token ?? 'missing'));
    expect(session?.idenfy_redirect_url).toBe(location); // iDenfy's own redirectUrl, stored with the token
    expect((await userRow(stack, user.id)).kyc_status).toBe('in_progress');

    const status = await client.get('/kyc/status');
    expect(status.json.kyc).toMatchObject({
      status: 'in_progress',
      session_id: session?.id,
      auth_token: session?.idenfy_auth_token,
    });

    const delivery = await stack.simulator.complete(session?.idenfy_scan_ref as string, {
      overall: 'APPROVED',
      final: true,
    });
    expect(delivery.map((d) => d.status)).toEqual([200]);

    const after = await userRow(stack, user.id);
    expect(after.kyc_status).toBe('completed');
    expect(after.kyc_verified_at).toBeInstanceOf(Date);
    expect((await sessionsOf(stack, user.id))[0]?.status).toBe('completed');
    const done = await client.get('/kyc/status');
    expect(done.json.kyc).toMatchObject({ status: 'completed', auth_token: null, verification_url: null });

    const again = await client.get('/kyc/start');
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toBe('/');
    expect(await sessionsOf(stack, user.id)).toHaveLength(1);
  });

  it.each([
    ['APPROVED', 'completed', 'completed'],
    ['SUSPECTED', 'completed', 'completed'],
    ['DENIED', 'failed', 'failed'],
  ] as const)('a final %s webhook leaves the session %s', async (overall, sessionStatus, userStatus) => {
    const { user, scanRef, client } = await signInAndStart(
      stack,
      `final-${overall.toLowerCase()}@example.com`,
    );
    await stack.simulator.complete(scanRef, { overall, final: true });
    expect((await sessionsOf(stack, user.id))[0]?.status).toBe(sessionStatus);
    expect((await userRow(stack, user.id)).kyc_status).toBe(userStatus);
    expect((await client.get('/kyc/status')).json.kyc.status).toBe(userStatus);
  });

  it('a non-final result and REVIEWING keep the session in progress until the final one', async () => {
    const { user, scanRef } = await signInAndStart(stack, 'reviewing@example.com');
    await stack.simulator.complete(scanRef, { overall: 'APPROVED', final: false });
    expect((await sessionsOf(stack, user.id))[0]).toMatchObject({
      status: 'in_progress',
      provider_status: 'APPROVED',
    });
    await stack.simulator.complete(scanRef, { overall: 'REVIEWING', final: false });
    expect((await sessionsOf(stack, user.id))[0]).toMatchObject({
      status: 'in_progress',
      provider_status: 'REVIEWING',
    });
    expect((await userRow(stack, user.id)).kyc_status).toBe('in_progress');
    await stack.simulator.complete(scanRef, { overall: 'DENIED', final: true });
    expect((await sessionsOf(stack, user.id))[0]?.status).toBe('failed');
  });

  it('an EXPIRED webhook expires the session without showing EXPIRED while a re-mint is possible', async () => {
    const { user, scanRef } = await signInAndStart(stack, 'expired-hook@example.com');
    await stack.simulator.expire(scanRef, { notify: true });
    const [session] = await sessionsOf(stack, user.id);
    expect(session).toMatchObject({ status: 'expired', provider_status: 'EXPIRED' });
    expect((await userRow(stack, user.id)).kyc_status).toBe('in_progress');
  });

  it('the admin may keep SUSPECTED from completing (KYC_SUSPECTED_COMPLETES=false)', async () => {
    const strict = await startTestStack({ env: { KYC_SUSPECTED_COMPLETES: 'false' } });
    try {
      const { user, scanRef } = await signInAndStart(strict, 'suspected-strict@example.com');
      await strict.simulator.complete(scanRef, { overall: 'SUSPECTED', final: true });
      expect((await userRow(strict, user.id)).kyc_status).toBe('failed');
    } finally {
      await strict.close();
    }
  });

  it('reset after a failure, then verify again with a new client-id suffix', async () => {
    const { client, user, scanRef, session: first } = await signInAndStart(stack, 'reset-again@example.com');
    await stack.simulator.complete(scanRef, { overall: 'DENIED', final: true });
    const failed = await client.get('/kyc/status');
    expect(failed.json.kyc).toMatchObject({ status: 'failed', can_reset: true });

    const stuck = await client.get('/kyc/start');
    expect(stuck.headers.get('location')).toBe('/kyc/return');

    const reset = await client.post('/kyc/reset');
    expect(reset.status).toBe(200);
    expect(reset.json.kyc.status).toBe('pending');
    expect((await userRow(stack, user.id)).kyc_status).toBe('pending');

    await new Promise((r) => setTimeout(r, 5)); // a distinct millisecond suffix
    const restart = await client.get('/kyc/start');
    expect(restart.status).toBe(302);
    const sessions = await sessionsOf(stack, user.id);
    expect(sessions).toHaveLength(2);
    const second = sessions[1];
    expect(second?.client_id).not.toBe(first.client_id);
    expect(second?.client_id.startsWith(`${user.id}-`)).toBe(true);
    await stack.simulator.complete(second?.idenfy_scan_ref as string, { overall: 'APPROVED', final: true });
    expect((await userRow(stack, user.id)).kyc_status).toBe('completed');
    expect((await sessionsOf(stack, user.id))[0]?.status).toBe('failed');
  });

  it('a user cannot reset what is in progress or completed', async () => {
    const { client } = await signInAndStart(stack, 'no-reset@example.com');
    const refused = await client.post('/kyc/reset');
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('kyc_not_resettable');
  });

  it('/kyc/return shows the status page, and checks iDenfy once when the webhook has not arrived', async () => {
    const { client, user, scanRef } = await signInAndStart(stack, 'return-page@example.com');
    await stack.simulator.complete(scanRef, { overall: 'APPROVED', deliver: false }); // iDenfy knows; the webhook was lost
    const page = await client.get('/kyc/return', { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('data-status="completed"');
    expect((await userRow(stack, user.id)).kyc_status).toBe('completed');
    const statusCalls = stack.simulator.stats().statusCalls;
    await client.get('/kyc/return', { accept: 'text/html' });
    expect(stack.simulator.stats().statusCalls).toBe(statusCalls);
  });

  it('an admin reset fails the open session, so its late webhook cannot complete the user', async () => {
    const { user, scanRef } = await signInAndStart(stack, 'admin-reset-open@example.com');
    const reset = await stack
      .client()
      .post('/kyc/reset', { user_id: user.id }, { authorization: `Bearer ${ADMIN_API_TOKEN}` });
    expect(reset.status).toBe(200);
    expect((await sessionsOf(stack, user.id))[0]).toMatchObject({
      status: 'failed',
      provider_status: 'RESET',
    });
    const late = await stack.simulator.complete(scanRef, { overall: 'APPROVED', final: true });
    expect(late.map((d) => d.status)).toEqual([200]);
    expect((await userRow(stack, user.id)).kyc_status).toBe('pending');
  });

  it('keeps auth tokens, emails and webhook bodies out of the log', async () => {
    const { user, session, scanRef } = await signInAndStart(stack, 'quiet.person@example.com');
    await stack.simulator.complete(scanRef, { overall: 'APPROVED', final: true });
    expect((await userRow(stack, user.id)).kyc_status).toBe('completed');
    const log = stack.logger.lines.join('\n');
    expect(log).toContain(session.id); // the flow was logged...
    expect(log).not.toContain(session.idenfy_auth_token as string); // ...without its secrets
    expect(log).not.toContain('quiet.person@example.com');
    expect(log).not.toContain('SIM0000000'); // the simulated document number in the webhook body
  });

  it('ten concurrent /kyc/start calls from one user open one session and mint one token', async () => {
    const { client, user } = await stack.signIn('many-tabs@example.com');
    const before = stack.simulator.stats().tokensMinted;
    stack.simulator.setFaults({ tokenDelayMs: 200 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => client.get('/kyc/start')));
    stack.simulator.setFaults({});
    expect(answers.every((a) => a.status === 302)).toBe(true);
    expect(await sessionsOf(stack, user.id)).toHaveLength(1);
    expect(stack.simulator.stats().tokensMinted - before).toBe(1);
  });

  it('iDenfy failing to mint is a 503/502 with a code, and the next try succeeds', async () => {
    const { client, user } = await stack.signIn('provider-down@example.com');
    stack.simulator.setFaults({ nextTokenStatus: 500 });
    const down = await client.get('/kyc/start');
    expect(down.status).toBe(503);
    expect(down.json.error.code).toBe('kyc_provider_error');
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await sessionsOf(stack, user.id))[0]).toMatchObject({
      status: 'pending',
      idenfy_scan_ref: null,
      mint_lease_until: null,
    });

    stack.simulator.setFaults({ nextTokenStatus: 401 });
    const badKeys = await client.get('/kyc/start');
    expect(badKeys.status).toBe(502);
    expect(badKeys.json.error.code).toBe('kyc_provider_error');
    expect(badKeys.text).not.toContain('test-idenfy-secret');

    const retry = await client.get('/kyc/start');
    expect(retry.status).toBe(302);
    expect(await sessionsOf(stack, user.id)).toHaveLength(1);
    expect((await sessionsOf(stack, user.id))[0]?.status).toBe('in_progress');
  });

  it('KYC routes need a signed-in user', async () => {
    const anonymous = stack.client();
    for (const path of ['/kyc/start', '/kyc/status', '/kyc/return']) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(401);
      expect(res.json.error.code).toBe('unauthenticated');
    }
    expect((await anonymous.post('/kyc/reset')).status).toBe(401);
  });
});
