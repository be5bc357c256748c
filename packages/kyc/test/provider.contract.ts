import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeClientId } from '../src/client-id';
import { KycProviderError, type KycProviderErrorKind } from '../src/errors';
import { kycOutcome } from '../src/outcome';
import type { KycProvider, KycWebhook } from '../src/provider';
import type { ReceivedWebhook } from './support/receiver';

/** Faults a stand-in can inject into the next session request. */
export type ContractFault = 'rate_limited' | 'unavailable' | 'malformed' | 'slow';

/** What one implementation under test provides; a fresh one per test. */
export interface KycContractHarness {
  /** A correctly configured provider. */
  provider: KycProvider;
  /** The same provider with other settings: wrong credentials, or a short timeout. */
  providerWith(overrides: { badCredentials?: boolean; timeoutMs?: number }): KycProvider;
  /** Pass as `callbackUrl`; its deliveries arrive in `waitForWebhooks`. */
  callbackUrl: string;
  waitForWebhooks(count: number): Promise<readonly ReceivedWebhook[]>;
  /** Plays the end user finishing verification with this final result. */
  finish(scanRef: string, overall: 'APPROVED' | 'DENIED' | 'SUSPECTED'): Promise<void>;
  /** Lets the session's token run out. */
  expire(scanRef: string): Promise<void>;
  inject(fault: ContractFault): Promise<void>;
  close(): Promise<void>;
}

async function rejection(promise: Promise<unknown>): Promise<KycProviderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KycProviderError) return error;
    throw error;
  }
  throw new Error('expected the call to reject with an KycProviderError');
}

/**
 * The behaviour every `KycProvider` must show, whatever answers on the other side.
 *
 * @example
 * runKycProviderContract('IdenfyProvider against the simulator', async () => ({ provider, ... }));
 */
export function runKycProviderContract(name: string, setup: () => Promise<KycContractHarness>): void {
  describe(`KycProvider contract: ${name}`, () => {
    let h: KycContractHarness;
    const userId = randomUUID();
    let clock = Date.now();
    // Distinct client ids per call, without waiting for the clock to move.
    const clientId = () => {
      clock += 1;
      return makeClientId(userId, clock);
    };

    beforeEach(async () => {
      h = await setup();
    });
    afterEach(async () => {
      await h.close();
    });

    async function start() {
      return h.provider.createSession({ clientId: clientId(), callbackUrl: h.callbackUrl });
    }

    function verifiedWebhook(received: ReceivedWebhook | undefined): KycWebhook {
      if (!received) throw new Error('no webhook arrived');
      expect(h.provider.verifyWebhook(received.body, received.signature)).toBe(true);
      const parsed = h.provider.parseWebhook(received.body);
      if (!parsed.success) throw new Error(`webhook did not parse: ${parsed.error.message}`);
      return parsed.data;
    }

    it('creates a session whose token expires expiryTime seconds from the call', async () => {
      const id = clientId();
      const before = Date.now();
      const token = await h.provider.createSession({
        clientId: id,
        expiryTimeSeconds: 900,
        sessionLengthSeconds: 300,
      });
      const after = Date.now();
      expect(token.clientId).toBe(id);
      expect(token.scanRef).not.toBe('');
      expect(token.authToken).not.toBe('');
      expect(new URL(token.redirectUrl).searchParams.get('authToken')).toBe(token.authToken);
      // A stored token resumes at the very URL the mint returned.
      expect(h.provider.verificationUrl(token.authToken)).toBe(token.redirectUrl);
      expect(token.expiryTimeSeconds).toBe(900);
      expect(token.sessionLengthSeconds).toBe(300);
      expect(token.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 900_000);
      expect(token.expiresAt.getTime()).toBeLessThanOrEqual(after + 900_000);
    });

    it('reports a new session as ACTIVE and not final', async () => {
      const token = await start();
      const report = await h.provider.fetchStatus(token.scanRef);
      expect(report).toMatchObject({
        scanRef: token.scanRef,
        clientId: token.clientId,
        status: 'ACTIVE',
        final: false,
      });
      expect(report.fraudTags).toEqual([]);
      expect(report.mismatchTags).toEqual([]);
    });

    it('reports APPROVED once the user is approved, and delivers a signed final webhook', async () => {
      const token = await start();
      await h.finish(token.scanRef, 'APPROVED');
      const report = await h.provider.fetchStatus(token.scanRef);
      expect(report).toMatchObject({ status: 'APPROVED', final: true });
      const [received] = await h.waitForWebhooks(1);
      const webhook = verifiedWebhook(received);
      expect(webhook).toMatchObject({
        scanRef: token.scanRef,
        clientId: token.clientId,
        userId,
        final: true,
      });
      expect(kycOutcome(webhook.overall, webhook.final)).toBe('completed');
    });

    it('fails KYC on a DENIED result', async () => {
      const token = await start();
      await h.finish(token.scanRef, 'DENIED');
      expect((await h.provider.fetchStatus(token.scanRef)).status).toBe('DENIED');
      const webhook = verifiedWebhook((await h.waitForWebhooks(1))[0]);
      expect(kycOutcome(webhook.overall, webhook.final)).toBe('failed');
    });

    it('reports the tags behind a SUSPECTED result', async () => {
      const token = await start();
      await h.finish(token.scanRef, 'SUSPECTED');
      const report = await h.provider.fetchStatus(token.scanRef);
      expect(report.status).toBe('SUSPECTED');
      expect(report.fraudTags.length + report.mismatchTags.length).toBeGreaterThan(0);
      const webhook = verifiedWebhook((await h.waitForWebhooks(1))[0]);
      expect(webhook.overall).toBe('SUSPECTED');
      expect(webhook.fraudTags.length + webhook.mismatchTags.length).toBeGreaterThan(0);
      expect(kycOutcome(webhook.overall, webhook.final)).toBe('completed');
      expect(kycOutcome(webhook.overall, webhook.final, { suspectedCompletes: false })).toBe('failed');
    });

    it('reports EXPIRED when the token runs out, with an EXPIRED webhook', async () => {
      const token = await start();
      await h.expire(token.scanRef);
      expect((await h.provider.fetchStatus(token.scanRef)).status).toBe('EXPIRED');
      const webhook = verifiedWebhook((await h.waitForWebhooks(1))[0]);
      expect(webhook.overall).toBe('EXPIRED');
      expect(kycOutcome(webhook.overall, webhook.final)).toBe('expired');
    });

    it('refuses a second token for a client id with an active one, and mints for a fresh suffix', async () => {
      const id = clientId();
      await h.provider.createSession({ clientId: id });
      const error = await rejection(h.provider.createSession({ clientId: id }));
      expect(error.kind).toBe('duplicate_client_id');
      expect(error.status).toBe(409);
      const fresh = await h.provider.createSession({ clientId: clientId() });
      expect(fresh.scanRef).not.toBe('');
    });

    it('rejects wrong credentials as unauthorized', async () => {
      const error = await rejection(
        h.providerWith({ badCredentials: true }).createSession({ clientId: clientId() }),
      );
      expect(error.kind).toBe('unauthorized');
      expect(error.status).toBe(401);
    });

    it.each<[ContractFault, KycProviderErrorKind]>([
      ['rate_limited', 'rate_limited'],
      ['unavailable', 'unavailable'],
      ['malformed', 'bad_response'],
    ])('surfaces an injected %s as %s, and the next call succeeds', async (fault, kind) => {
      await h.inject(fault);
      const error = await rejection(start());
      expect(error.kind).toBe(kind);
      await expect(start()).resolves.toMatchObject({ clientId: expect.any(String) });
    });

    it('tells how long to wait when rate limited', async () => {
      await h.inject('rate_limited');
      const error = await rejection(start());
      expect(error.retryAfterSeconds).toEqual(expect.any(Number));
    });

    it('times out a call that outlasts timeoutMs', async () => {
      await h.inject('slow');
      const error = await rejection(
        h.providerWith({ timeoutMs: 100 }).createSession({ clientId: clientId() }),
      );
      expect(error.kind).toBe('timeout');
    });

    it('rejects a status check for an unknown scanRef', async () => {
      const error = await rejection(h.provider.fetchStatus(randomUUID()));
      expect(error.kind).toBe('rejected');
    });

    it('refuses a webhook whose bytes or signature were changed', async () => {
      const token = await start();
      await h.finish(token.scanRef, 'APPROVED');
      const [received] = await h.waitForWebhooks(1);
      if (!received) throw new Error('no webhook arrived');
      const tampered = new Uint8Array(received.body);
      tampered[tampered.length - 2] = (tampered[tampered.length - 2] ?? 0) ^ 0x01;
      expect(h.provider.verifyWebhook(tampered, received.signature)).toBe(false);
      expect(h.provider.verifyWebhook(received.body, undefined)).toBe(false);
      expect(h.provider.verifyWebhook(received.body, received.signature?.toUpperCase())).toBe(false);
    });

    it('reports a malformed webhook body without throwing', () => {
      expect(h.provider.parseWebhook('{"scanRef":')).toEqual({
        success: false,
        error: { code: 'malformed_json', message: expect.any(String) },
      });
    });
  });
}
