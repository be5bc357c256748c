import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyWebhookSignature } from '../src/idenfy/signature';
import {
  createSimulatorApp,
  type IdenfySimulatorOptions,
  SimulatorCore,
  SimulatorError,
} from '../src/simulator';
import { startReceiver, type WebhookReceiver } from './support/receiver';

const KEYS = { apiKey: 'app-key', apiSecret: 'app-secret', webhookSecret: 'app-webhook-secret' };
const BASIC = `Basic ${Buffer.from(`${KEYS.apiKey}:${KEYS.apiSecret}`).toString('base64')}`;
const START = 1_700_000_000_000;

describe('the iDenfy simulator app (no socket)', () => {
  let now = START;
  let core: SimulatorCore;
  let app: ReturnType<typeof createSimulatorApp>;

  function build(options: Partial<IdenfySimulatorOptions> = {}) {
    core?.dispose();
    core = new SimulatorCore({ ...KEYS, now: () => now, ...options });
    app = createSimulatorApp(core);
  }

  beforeEach(() => {
    now = START;
    build();
  });
  afterEach(() => core.dispose());

  const api = (path: string, body: unknown, authorization: string | null = BASIC) =>
    app.request(`http://sim.test/api/v2${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const sim = (path: string, body?: unknown) =>
    app.request(`http://sim.test/sim${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  async function mint(body: Record<string, unknown> = {}) {
    const response = await api('/token', { clientId: `client-${Math.random()}`, ...body });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown> & {
      scanRef: string;
      authToken: string;
      clientId: string;
    };
  }

  describe('POST /api/v2/token', () => {
    it.each([
      ['no credentials', null],
      ['a wrong secret', `Basic ${Buffer.from(`${KEYS.apiKey}:nope`).toString('base64')}`],
      ['a wrong key', `Basic ${Buffer.from(`nope:${KEYS.apiSecret}`).toString('base64')}`],
      ['a bearer token', 'Bearer abc'],
    ])('answers 401 UNAUTHORIZED for %s', async (_what, authorization) => {
      const response = await api('/token', { clientId: 'u' }, authorization);
      expect(response.status).toBe(401);
      const body = await response.text();
      expect(JSON.parse(body)).toEqual({ identifier: 'UNAUTHORIZED', message: expect.any(String) });
      expect(body).not.toContain(KEYS.apiSecret);
      expect(core.stats().tokensMinted).toBe(0);
    });

    it('mints a uuid scanRef and a token with iDenfy’s defaults', async () => {
      const token = await mint({ clientId: 'user-1-1700000000000' });
      expect(token.scanRef).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(token.authToken).toMatch(/^[A-Za-z0-9]{40}$/);
      expect(token).toMatchObject({ clientId: 'user-1-1700000000000', expiryTime: 3600, sessionLength: 600 });
      expect(token.redirectUrl).toBe(`http://sim.test/api/v2/redirect?authToken=${token.authToken}`);
      expect(core.stats().tokensMinted).toBe(1);
    });

    it('honours the requested durations and remembers the URLs', async () => {
      const token = await mint({
        expiryTime: 120,
        sessionLength: 60,
        callbackUrl: 'http://app.test/hook',
        successUrl: 'http://app.test/ok',
        errorUrl: 'http://app.test/err',
        unverifiedUrl: 'http://app.test/unverified',
        locale: 'lt',
      });
      expect(token).toMatchObject({ expiryTime: 120, sessionLength: 60 });
      expect(core.sessions()[0]).toMatchObject({
        scanRef: token.scanRef,
        status: 'ACTIVE',
        final: false,
        expiresAt: new Date(START + 120_000),
        callbackUrl: 'http://app.test/hook',
        successUrl: 'http://app.test/ok',
        errorUrl: 'http://app.test/err',
        unverifiedUrl: 'http://app.test/unverified',
        locale: 'lt',
      });
    });

    it('builds redirectUrl from publicUrl when one is configured', async () => {
      build({ publicUrl: 'https://kyc.example.test/' });
      const token = await mint();
      expect(token.redirectUrl).toBe(`https://kyc.example.test/api/v2/redirect?authToken=${token.authToken}`);
    });

    it.each([
      ['MISSING_VALUE', {}],
      ['MISSING_VALUE', { clientId: '' }],
      ['BAD_VALUE', { clientId: 'a'.repeat(101) }],
      ['BAD_VALUE', { clientId: 'jürgen' }],
      ['BAD_VALUE', { clientId: 42 }],
      ['BAD_VALUE', { clientId: 'u', expiryTime: -1 }],
      ['BAD_VALUE', { clientId: 'u', sessionLength: '600' }],
      ['BAD_VALUE', { clientId: 'u', callbackUrl: 'not a url' }],
      ['JSON_ERROR', '{"clientId":'],
      ['JSON_ERROR', '[]'],
    ])('answers 400 %s for %j', async (identifier, body) => {
      const response = await api('/token', body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ identifier });
      expect(core.stats().tokensMinted).toBe(0);
    });

    it('accepts a clientId of exactly 100 characters', async () => {
      await mint({ clientId: 'a'.repeat(100) });
    });

    it('answers 409 while the clientId has an open token, and mints again once it expired', async () => {
      await mint({ clientId: 'dup', expiryTime: 60 });
      const duplicate = await api('/token', { clientId: 'dup' });
      expect(duplicate.status).toBe(409);
      expect(await duplicate.json()).toEqual({
        identifier: 'DUPLICATE_CLIENT_ID',
        message: expect.stringContaining('duplicate clientId'),
      });
      now = START + 60_000;
      await mint({ clientId: 'dup' });
      expect(core.stats().tokensMinted).toBe(2);
    });

    it('mints again for a clientId whose verification finished', async () => {
      const token = await mint({ clientId: 'done' });
      await core.complete(token.scanRef, { overall: 'DENIED' });
      await mint({ clientId: 'done' });
    });
  });

  describe('POST /api/v2/status', () => {
    it('reports ACTIVE, then EXPIRED once the token’s time has passed', async () => {
      const token = await mint({ expiryTime: 60 });
      const active = await api('/status', { scanRef: token.scanRef });
      expect(await active.json()).toEqual({
        fraudTags: [],
        mismatchTags: [],
        autoDocument: null,
        autoFace: null,
        manualDocument: null,
        manualFace: null,
        scanRef: token.scanRef,
        clientId: token.clientId,
        status: 'ACTIVE',
      });
      now = START + 60_000;
      expect(await (await api('/status', { scanRef: token.scanRef })).json()).toMatchObject({
        status: 'EXPIRED',
      });
      expect(core.stats().statusCalls).toBe(2);
    });

    it('reports the checks of the latest result', async () => {
      const token = await mint();
      await core.complete(token.scanRef, { overall: 'SUSPECTED' });
      expect(await (await api('/status', { scanRef: token.scanRef })).json()).toMatchObject({
        status: 'SUSPECTED',
        autoDocument: 'DOC_VALIDATED',
        manualFace: 'FACE_MATCH',
        fraudTags: ['DUPLICATE_FACE'],
        mismatchTags: ['DOB'],
      });
    });

    it('answers 404 for an unknown scanRef and 400 without one', async () => {
      expect((await api('/status', { scanRef: 'unknown' })).status).toBe(404);
      const missing = await api('/status', {});
      expect(missing.status).toBe(400);
      expect(await missing.json()).toMatchObject({ identifier: 'MISSING_VALUE' });
    });

    it('requires credentials', async () => {
      expect((await api('/status', { scanRef: 'x' }, null)).status).toBe(401);
    });
  });

  describe('faults', () => {
    it('fires a next-token fault once', async () => {
      expect((await sim('/faults', { nextTokenStatus: 500 })).status).toBe(200);
      const failed = await api('/token', { clientId: 'f' });
      expect(failed.status).toBe(500);
      expect(await failed.json()).toEqual({ identifier: 'INTERNAL_ERROR', message: expect.any(String) });
      await mint({ clientId: 'f' });
    });

    it('sends Retry-After with an injected 429', async () => {
      core.setFaults({ nextTokenStatus: 429 });
      const response = await api('/token', { clientId: 'r' });
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('1');
    });

    it('answers one malformed 200 when asked', async () => {
      core.setFaults({ nextTokenMalformed: true });
      const response = await api('/token', { clientId: 'm' });
      expect(response.status).toBe(200);
      expect(await response.json()).not.toHaveProperty('authToken');
      expect(core.stats().tokensMinted).toBe(0);
    });

    it('replaces the whole fault set', async () => {
      core.setFaults({ nextTokenStatus: 500 });
      core.setFaults({ nextStatusCallStatus: 429 });
      await mint();
    });

    it.each([
      [{ nextTokenStatus: 418 }],
      [{ tokenDelayMs: -1 }],
      [{ nextTokenMalformed: 'yes' }],
      [{ typoedFault: 500 }],
      ['not json'],
    ])('refuses %j with 400', async (faults) => {
      const response = await sim('/faults', faults);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        identifier: expect.stringMatching(/BAD_VALUE|JSON_ERROR/),
      });
    });
  });

  describe('control API', () => {
    let receiver: WebhookReceiver;
    beforeEach(async () => {
      receiver = await startReceiver();
    });
    afterEach(() => receiver.close());

    it('delivers to the session’s callbackUrl and reports the answer', async () => {
      const token = await mint({ callbackUrl: receiver.url });
      const response = await sim(`/sessions/${token.scanRef}/complete`, { overall: 'DENIED' });
      expect(await response.json()).toEqual({
        deliveries: [{ scanRef: token.scanRef, overall: 'DENIED', final: true, status: 200 }],
      });
      const [received] = await receiver.waitFor(1);
      expect(verifyWebhookSignature(received?.body ?? '', received?.signature, KEYS.webhookSecret)).toBe(
        true,
      );
    });

    it('falls back to the default callback URL', async () => {
      build({ defaultCallbackUrl: receiver.url });
      const token = await mint();
      await core.complete(token.scanRef, { overall: 'APPROVED' });
      expect(receiver.received).toHaveLength(1);
    });

    it('records a delivery with nowhere to go', async () => {
      const token = await mint();
      expect(await core.complete(token.scanRef, { overall: 'APPROVED' })).toEqual([
        { scanRef: token.scanRef, overall: 'APPROVED', final: true, status: null, error: 'no_callback_url' },
      ]);
    });

    it('records a receiver that cannot be reached', async () => {
      const token = await mint({ callbackUrl: receiver.url });
      await receiver.close();
      const [delivery] = await core.complete(token.scanRef, { overall: 'APPROVED' });
      expect(delivery).toMatchObject({ status: null, error: 'network' });
      receiver = await startReceiver();
    });

    it('sends a body shaped like iDenfy’s, with fake data only', async () => {
      const token = await mint({ callbackUrl: receiver.url });
      now = START + 42_000;
      await core.complete(token.scanRef, { overall: 'APPROVED', final: false });
      const [received] = await receiver.waitFor(1);
      const body = JSON.parse(new TextDecoder().decode(received?.body));
      expect(body).toMatchObject({
        clientId: token.clientId,
        scanRef: token.scanRef,
        final: false,
        startTime: START / 1000,
        finishTime: START / 1000 + 42,
        status: { overall: 'APPROVED', autoDocument: 'DOC_VALIDATED', manualDocument: null, fraudTags: [] },
        data: { docFirstName: 'SIMULATED' },
      });
    });

    it('sends a REVIEWING result as non-final by default and refuses a final one', async () => {
      const token = await mint({ callbackUrl: receiver.url });
      const [delivery] = await core.complete(token.scanRef, { overall: 'REVIEWING' });
      expect(delivery).toMatchObject({ overall: 'REVIEWING', final: false });
      expect(
        (await sim(`/sessions/${token.scanRef}/complete`, { overall: 'REVIEWING', final: true })).status,
      ).toBe(400);
    });

    it.each([
      [{ overall: 'ACTIVE' }],
      [{ overall: 'approved' }],
      [{}],
      [{ overall: 'APPROVED', repeat: 0 }],
      [{ overall: 'APPROVED', repeat: 21 }],
      [{ overall: 'APPROVED', delayMs: -5 }],
      [{ overall: 'APPROVED', final: 'yes' }],
      [{ overall: 'APPROVED', withAuto: 'EXPIRED' }],
      ['{'],
    ])('refuses complete %j with 400 and delivers nothing', async (body) => {
      const token = await mint({ callbackUrl: receiver.url });
      const response = await sim(`/sessions/${token.scanRef}/complete`, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ identifier: expect.any(String), message: expect.any(String) });
      expect(core.stats().deliveries).toEqual([]);
    });

    it('answers 404 for an unknown scanRef on every session route', async () => {
      for (const route of ['complete', 'expire', 'deliver-out-of-order']) {
        const response = await sim(`/sessions/nope/${route}`, { overall: 'APPROVED' });
        expect(response.status).toBe(404);
      }
      await expect(core.complete('nope', { overall: 'APPROVED' })).rejects.toBeInstanceOf(SimulatorError);
    });

    it('refuses a non-final result for deliver-out-of-order', async () => {
      const token = await mint();
      expect(
        (await sim(`/sessions/${token.scanRef}/deliver-out-of-order`, { overall: 'REVIEWING' })).status,
      ).toBe(400);
    });

    it('lists sessions and stats', async () => {
      const token = await mint();
      expect(await (await sim('/sessions')).json()).toMatchObject({
        sessions: [{ scanRef: token.scanRef, status: 'ACTIVE' }],
      });
      expect(await (await sim('/stats')).json()).toEqual({ tokensMinted: 1, statusCalls: 0, deliveries: [] });
    });

    it('sends the EXPIRED webhook when an unused token runs out on its own', async () => {
      build();
      const token = await mint({ callbackUrl: receiver.url, expiryTime: 1 });
      const [received] = await receiver.waitFor(1);
      const body = JSON.parse(new TextDecoder().decode(received?.body));
      expect(body).toMatchObject({ scanRef: token.scanRef, final: true, status: { overall: 'EXPIRED' } });
      expect(core.sessions()[0]).toMatchObject({ status: 'EXPIRED', final: true });
    });

    it('sends no expiry webhook for a token that was used', async () => {
      const token = await mint({ callbackUrl: receiver.url, expiryTime: 1 });
      await core.complete(token.scanRef, { overall: 'APPROVED' });
      const second = await mint({ callbackUrl: receiver.url, expiryTime: 1 });
      // The unused second token's expiry webhook is the marker that the first one's timer has fired too.
      const received = await receiver.waitFor(2);
      const refs = received.map((r) => JSON.parse(new TextDecoder().decode(r.body)).scanRef);
      expect(refs).toEqual([token.scanRef, second.scanRef]);
      expect(core.sessions().find((s) => s.scanRef === token.scanRef)?.status).toBe('APPROVED');
    });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await app.request('/nowhere');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ identifier: 'NOT_FOUND' });
  });

  it('refuses to start without its keys or with a bad URL, naming the option', () => {
    expect(() => new SimulatorCore({ ...KEYS, webhookSecret: '' })).toThrow(/webhookSecret/);
    expect(() => new SimulatorCore({ ...KEYS, apiKey: undefined as unknown as string })).toThrow(/apiKey/);
    expect(() => new SimulatorCore({ ...KEYS, publicUrl: 'kyc.example' })).toThrow(/publicUrl/);
    expect(() => new SimulatorCore({ ...KEYS, defaultCallbackUrl: 'file:///etc/passwd' })).toThrow(
      /defaultCallbackUrl/,
    );
  });

  it('prints nothing, so it cannot log a secret', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => undefined),
    );
    const token = await mint();
    await api('/token', { clientId: 'x' }, 'Basic bad');
    await api('/status', { scanRef: token.scanRef });
    await core.complete(token.scanRef, { overall: 'APPROVED' });
    await app.request(`/api/v2/redirect?authToken=${token.authToken}`);
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});
