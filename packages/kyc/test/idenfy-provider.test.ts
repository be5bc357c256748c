import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeClientId } from '../src/client-id';
import { IdenfyProvider } from '../src/idenfy/client';
import type { KycSessionToken } from '../src/provider';
import { type IdenfySimulator, startIdenfySimulator } from '../src/simulator';
import { type ContractFault, runKycProviderContract } from './provider.contract';
import { startReceiver, type WebhookReceiver } from './support/receiver';

const KEYS = { apiKey: 'sim-key', apiSecret: 'sim-secret', webhookSecret: 'sim-webhook-secret' };

/** Drives the simulator through its HTTP control API, as an out-of-process test would. */
async function control(sim: IdenfySimulator, path: string, body: unknown = {}): Promise<unknown> {
  const response = await fetch(`${sim.url}/sim${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${path} answered ${response.status}`);
  return response.json();
}

const FAULTS: Record<ContractFault, object> = {
  rate_limited: { nextTokenStatus: 429 },
  unavailable: { nextTokenStatus: 500 },
  malformed: { nextTokenMalformed: true },
  slow: { tokenDelayMs: 2_000 },
};

runKycProviderContract('IdenfyProvider against the iDenfy simulator over HTTP', async () => {
  const sim = await startIdenfySimulator(KEYS);
  const receiver = await startReceiver();
  const make = (overrides: { badCredentials?: boolean; timeoutMs?: number } = {}) =>
    new IdenfyProvider({
      ...KEYS,
      ...(overrides.badCredentials ? { apiSecret: 'wrong-secret' } : {}),
      ...(overrides.timeoutMs ? { timeoutMs: overrides.timeoutMs } : {}),
      baseUrl: sim.url,
    });
  return {
    provider: make(),
    providerWith: make,
    callbackUrl: receiver.url,
    waitForWebhooks: (count) => receiver.waitFor(count),
    finish: async (scanRef, overall) => {
      await control(sim, `/sessions/${scanRef}/complete`, { overall });
    },
    expire: async (scanRef) => {
      await control(sim, `/sessions/${scanRef}/expire`, { notify: true });
    },
    inject: async (fault) => {
      await control(sim, '/faults', FAULTS[fault]);
    },
    close: async () => {
      await sim.close();
      await receiver.close();
    },
  };
});

describe('IdenfyProvider with the simulator: iDenfy-specific behaviour', () => {
  let sim: IdenfySimulator;
  let receiver: WebhookReceiver;
  let kyc: IdenfyProvider;
  const userId = randomUUID();
  let clock = Date.now();
  const nextClientId = () => {
    clock += 1;
    return makeClientId(userId, clock);
  };

  beforeEach(async () => {
    sim = await startIdenfySimulator(KEYS);
    receiver = await startReceiver();
    kyc = new IdenfyProvider({ ...KEYS, baseUrl: sim.url });
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  const start = (): Promise<KycSessionToken> =>
    kyc.createSession({ clientId: nextClientId(), callbackUrl: receiver.url });

  it('counts minted tokens and status calls, and never retries a failed mint', async () => {
    sim.setFaults({ nextTokenStatus: 500 });
    await expect(start()).rejects.toMatchObject({ kind: 'unavailable' });
    expect(sim.stats().tokensMinted).toBe(0);
    const token = await start();
    await kyc.fetchStatus(token.scanRef);
    await kyc.fetchStatus(token.scanRef);
    expect(sim.stats()).toMatchObject({ tokensMinted: 1, statusCalls: 2 });
  });

  it('maps an injected 401 and 409 like the real ones', async () => {
    sim.setFaults({ nextTokenStatus: 401 });
    await expect(start()).rejects.toMatchObject({ kind: 'unauthorized', identifier: 'UNAUTHORIZED' });
    sim.setFaults({ nextTokenStatus: 409 });
    await expect(start()).rejects.toMatchObject({
      kind: 'duplicate_client_id',
      identifier: 'DUPLICATE_CLIENT_ID',
    });
  });

  it('carries the simulator’s Retry-After on 429', async () => {
    sim.setFaults({ nextTokenStatus: 429 });
    await expect(start()).rejects.toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 1 });
  });

  it('maps injected status-call faults', async () => {
    const token = await start();
    sim.setFaults({ nextStatusCallStatus: 500 });
    await expect(kyc.fetchStatus(token.scanRef)).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(kyc.fetchStatus(token.scanRef)).resolves.toMatchObject({ status: 'ACTIVE' });
  });

  it('delivers the identical signed bytes on every repeat', async () => {
    const token = await start();
    await control(sim, `/sessions/${token.scanRef}/complete`, { overall: 'APPROVED', repeat: 3 });
    const received = await receiver.waitFor(3);
    expect(received).toHaveLength(3);
    const [first, ...rest] = received;
    for (const again of rest) {
      expect(Buffer.from(again.body).equals(Buffer.from(first?.body ?? []))).toBe(true);
      expect(again.signature).toBe(first?.signature);
    }
    expect(kyc.verifyWebhook(first?.body ?? '', first?.signature)).toBe(true);
    expect(sim.stats().deliveries).toEqual(
      Array.from({ length: 3 }, () => ({
        scanRef: token.scanRef,
        overall: 'APPROVED',
        final: true,
        status: 200,
      })),
    );
  });

  it('delivers out of order: the final result, then a stale preliminary one', async () => {
    const token = await start();
    await control(sim, `/sessions/${token.scanRef}/deliver-out-of-order`, { overall: 'DENIED' });
    const received = await receiver.waitFor(2);
    const parsed = received.map((webhook) => {
      expect(kyc.verifyWebhook(webhook.body, webhook.signature)).toBe(true);
      const result = kyc.parseWebhook(webhook.body);
      if (!result.success) throw new Error(result.error.message);
      return [result.data.overall, result.data.final];
    });
    expect(parsed).toEqual([
      ['DENIED', true],
      ['REVIEWING', false],
    ]);
    // The simulator's own record keeps the final result.
    expect((await kyc.fetchStatus(token.scanRef)).status).toBe('DENIED');
  });

  it('sends a preliminary result before the final one when asked', async () => {
    const token = await start();
    await control(sim, `/sessions/${token.scanRef}/complete`, { overall: 'APPROVED', withAuto: 'SUSPECTED' });
    const received = await receiver.waitFor(2);
    const results = received.map((webhook) => {
      const result = kyc.parseWebhook(webhook.body);
      if (!result.success) throw new Error(result.error.message);
      return [result.data.overall, result.data.final];
    });
    expect(results).toEqual([
      ['SUSPECTED', false],
      ['APPROVED', true],
    ]);
  });

  it('records the status our endpoint answered', async () => {
    receiver.answerWith(503);
    const token = await start();
    const deliveries = await sim.complete(token.scanRef, { overall: 'APPROVED' });
    expect(deliveries).toEqual([{ scanRef: token.scanRef, overall: 'APPROVED', final: true, status: 503 }]);
  });

  it('expires a token without a webhook when asked not to notify', async () => {
    const token = await start();
    await control(sim, `/sessions/${token.scanRef}/expire`, { notify: false });
    expect((await kyc.fetchStatus(token.scanRef)).status).toBe('EXPIRED');
    expect(sim.stats().deliveries).toEqual([]);
    // The client id is free again once its token is dead.
    await expect(kyc.createSession({ clientId: token.clientId })).resolves.toMatchObject({
      clientId: token.clientId,
    });
  });

  it('holds a token call open while tokenDelayMs is set, and mints once for two racing callers', async () => {
    sim.setFaults({ tokenDelayMs: 200 });
    const clientId = nextClientId();
    const results = await Promise.allSettled([
      kyc.createSession({ clientId }),
      kyc.createSession({ clientId }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((result) => result.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ kind: 'duplicate_client_id' });
    expect(sim.stats().tokensMinted).toBe(1);
  });

  it('answers 202 and delivers later when a delay is asked for', async () => {
    const token = await start();
    const response = await fetch(`${sim.url}/sim/sessions/${token.scanRef}/complete`, {
      method: 'POST',
      body: JSON.stringify({ overall: 'APPROVED', delayMs: 50 }),
    });
    expect(response.status).toBe(202);
    const [received] = await receiver.waitFor(1);
    expect(kyc.verifyWebhook(received?.body ?? '', received?.signature)).toBe(true);
  });
});
