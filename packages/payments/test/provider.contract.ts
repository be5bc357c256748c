import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaymentProviderError, type PaymentProviderErrorKind } from '../src/errors';
import type { CheckoutRequest, Money, PaymentNotice, PaymentProvider, WebhookReceipt } from '../src/provider';
import { checkoutRequest } from './support/checkout-request';
import { headerOf, type ReceivedWebhook } from './support/receiver';

export type ContractFault = 'unavailable' | 'rate_limited' | 'slow' | 'refuse';

/** What one adapter + stand-in pair provides; a fresh one per test. */
export interface PaymentContractHarness {
  provider: PaymentProvider;
  /** The same provider with one setting changed. `down`: an API URL where nothing listens. */
  providerWith(
    change: 'badCredentials' | 'wrongWebhookSecret' | 'down' | { timeoutMs: number },
  ): PaymentProvider;
  /** A valid amount for this provider. */
  amount: Money;
  /** Our webhook endpoint: deliveries arrive in `waitForWebhooks`. */
  callbackUrl: string;
  waitForWebhooks(count: number): Promise<readonly ReceivedWebhook[]>;
  /** The customer pays at once; `deliver: false` loses the webhook; `repeat` sends it again, byte for byte. */
  pay(providerRef: string, options?: { deliver?: boolean; repeat?: number }): Promise<void>;
  /** The customer's payment fails. */
  fail(providerRef: string): Promise<void>;
  /** The checkout ends unpaid, with a webhook saying so; null where the provider has no such end. */
  expire: ((providerRef: string) => Promise<void>) | null;
  /** The delivery with every trace of its signature removed. */
  unsigned(received: ReceivedWebhook): ReceivedWebhook;
  /** The same event delivered again, signed 10 minutes ago; null where signatures carry no time. */
  stale: ((received: ReceivedWebhook) => Promise<ReceivedWebhook>) | null;
  /** Signs any JSON payload as the provider would (to reach the parser past the signature). */
  sign(payload: Record<string, unknown>): ReceivedWebhook;
  /** An authentic event of a type the port has no use for. */
  ignoredPayload: Record<string, unknown>;
  /** True: the signature covers the exact bytes. False: a canonical form, which survives re-serialising. */
  signsExactBytes: boolean;
  /** True: the same idempotency key returns the same checkout. False: every call opens a new one. */
  idempotentCheckout: boolean;
  /** A reference shaped like the provider's that it never issued, and what looking it up gives. */
  unknownRef: string;
  unknownRefLookup: 'not_found' | 'pending';
  inject(fault: ContractFault): void;
  /** Token calls the stand-in served, where the provider uses tokens; else null. */
  tokenCalls: (() => number) | null;
  close(): Promise<void>;
}

async function rejection(promise: Promise<unknown>): Promise<PaymentProviderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PaymentProviderError) return error;
    throw error;
  }
  throw new Error('expected a PaymentProviderError');
}

function receive(provider: PaymentProvider, received: ReceivedWebhook | undefined): WebhookReceipt {
  if (!received) throw new Error('no webhook arrived');
  return provider.receiveWebhook(received.body, headerOf(received));
}

function noticeOf(receipt: WebhookReceipt): PaymentNotice & { eventKey: string; trustworthy: boolean } {
  if (receipt.kind !== 'notice') throw new Error(`expected a notice, got ${receipt.kind}`);
  return { ...receipt.notice, eventKey: receipt.eventKey, trustworthy: receipt.trustworthy };
}

/** A copy with one byte inside the body changed (not its first or last byte). */
function flipByte(body: Uint8Array, at: number): Uint8Array {
  const copy = new Uint8Array(body);
  const index = Math.min(Math.max(1, at), copy.length - 2);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

/**
 * The behaviour every `PaymentProvider` must show against a server speaking its provider's contract.
 *
 * @example
 * runPaymentProviderContract('Stripe adapter against the Stripe stand-in', async () => ({ provider, ... }));
 */
export function runPaymentProviderContract(name: string, setup: () => Promise<PaymentContractHarness>): void {
  describe(`PaymentProvider contract: ${name}`, () => {
    let h: PaymentContractHarness;
    beforeEach(async () => {
      h = await setup();
    });
    afterEach(async () => {
      await h.close();
    });

    const request = (overrides: Partial<CheckoutRequest> = {}): CheckoutRequest =>
      checkoutRequest(
        { amount: h.amount, callbackUrl: h.callbackUrl, customerEmail: 'payer@example.com' },
        overrides,
      );

    async function paidNotice(options?: { deliver?: boolean; repeat?: number }) {
      const checkout = await h.provider.createCheckout(request());
      await h.pay(checkout.providerRef, options);
      return checkout;
    }

    it('creates a hosted checkout whose page opens', async () => {
      const checkout = await h.provider.createCheckout(request());
      expect(checkout.providerRef).toMatch(/^[A-Za-z0-9_]+$/);
      expect(checkout.expiresAt === null || checkout.expiresAt instanceof Date).toBe(true);
      const page = await fetch(checkout.checkoutUrl);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).not.toContain('<script');
    });

    it('honours the idempotency key as the provider can', async () => {
      const same = request();
      const first = await h.provider.createCheckout(same);
      const second = await h.provider.createCheckout(same);
      if (h.idempotentCheckout) expect(second.providerRef).toBe(first.providerRef);
      else expect(second.providerRef).not.toBe(first.providerRef);
      const other = await h.provider.createCheckout(request());
      expect(other.providerRef).not.toBe(first.providerRef);
    });

    it('refuses an unusable amount locally, naming the field', async () => {
      expect(h.provider.checkAmount(h.amount)).toEqual({ ok: true });
      for (const amountMinor of [0, -100, 10.5, Number.MAX_SAFE_INTEGER + 1]) {
        expect(h.provider.checkAmount({ ...h.amount, amountMinor })).toMatchObject({
          ok: false,
          field: 'amount',
        });
      }
      expect(h.provider.checkAmount({ ...h.amount, currency: 'usd' })).toMatchObject({
        ok: false,
        field: 'currency',
      });
      const error = await rejection(
        h.provider.createCheckout(request({ amount: { ...h.amount, amountMinor: 0 } })),
      );
      expect(error.kind).toBe('invalid_request');
    });

    it('looks a new checkout up as pending, with nothing paid', async () => {
      const checkout = await h.provider.createCheckout(request());
      expect(await h.provider.lookup(checkout.providerRef)).toMatchObject({
        providerRef: checkout.providerRef,
        state: 'pending',
        paymentId: null,
      });
    });

    it('turns a payment into a verified paid notice that lookup confirms', async () => {
      const checkout = await paidNotice();
      const notice = noticeOf(receive(h.provider, (await h.waitForWebhooks(1))[0]));
      expect(notice).toMatchObject({ providerRef: checkout.providerRef, state: 'paid', amount: h.amount });
      expect(notice.paymentId).toEqual(expect.any(String));
      const looked = await h.provider.lookup(checkout.providerRef);
      expect(looked).toMatchObject({ state: 'paid', paymentId: notice.paymentId, amount: h.amount });
    });

    it('gives a redelivered event the same key', async () => {
      await paidNotice({ repeat: 2 });
      const [first, second] = await h.waitForWebhooks(2);
      const a = noticeOf(receive(h.provider, first));
      const b = noticeOf(receive(h.provider, second));
      expect(b.eventKey).toBe(a.eventKey);
      expect(b.paymentId).toBe(a.paymentId);
    });

    it('reports a failed payment, which lookup confirms', async () => {
      const checkout = await h.provider.createCheckout(request());
      await h.fail(checkout.providerRef);
      const notice = noticeOf(receive(h.provider, (await h.waitForWebhooks(1))[0]));
      expect(notice).toMatchObject({ providerRef: checkout.providerRef, state: 'failed' });
      expect((await h.provider.lookup(checkout.providerRef)).state).toBe('failed');
    });

    it('reports an expired checkout, which lookup confirms', async () => {
      if (!h.expire) return;
      const checkout = await h.provider.createCheckout(request());
      await h.expire(checkout.providerRef);
      const notice = noticeOf(receive(h.provider, (await h.waitForWebhooks(1))[0]));
      expect(notice).toMatchObject({ providerRef: checkout.providerRef, state: 'expired', paymentId: null });
      expect((await h.provider.lookup(checkout.providerRef)).state).toBe('expired');
    });

    it('finds a payment whose webhook was lost', async () => {
      const checkout = await paidNotice({ deliver: false });
      expect(await h.provider.lookup(checkout.providerRef)).toMatchObject({
        state: 'paid',
        amount: h.amount,
      });
    });

    it('looks up a reference it never issued as the provider answers it', async () => {
      if (h.unknownRefLookup === 'pending') {
        expect((await h.provider.lookup(h.unknownRef)).state).toBe('pending');
      } else {
        expect((await rejection(h.provider.lookup(h.unknownRef))).kind).toBe('not_found');
      }
    });

    it('calls every signature failure forged', async () => {
      await paidNotice();
      const [genuine] = await h.waitForWebhooks(1);
      if (!genuine) throw new Error('no webhook arrived');
      expect(receive(h.provider, genuine).kind).toBe('notice');
      expect(receive(h.providerWith('wrongWebhookSecret'), genuine)).toEqual({ kind: 'forged' });
      const text = new TextDecoder().decode(genuine.body);
      const inValue = text.indexOf(h.amount.currency) + 1;
      for (const at of [inValue, genuine.body.length - 2, Math.floor(genuine.body.length / 2)]) {
        expect(h.provider.receiveWebhook(flipByte(genuine.body, at), headerOf(genuine))).toEqual({
          kind: 'forged',
        });
      }
      expect(receive(h.provider, h.unsigned(genuine))).toEqual({ kind: 'forged' });
      const edited = JSON.stringify({ ...JSON.parse(text), tampered: true });
      expect(h.provider.receiveWebhook(edited, headerOf(genuine))).toEqual({ kind: 'forged' });
      const reserialised = JSON.stringify(JSON.parse(text), null, 2);
      expect(h.provider.receiveWebhook(reserialised, headerOf(genuine)).kind).toBe(
        h.signsExactBytes ? 'forged' : 'notice',
      );
      if (h.stale) expect(receive(h.provider, await h.stale(genuine))).toEqual({ kind: 'forged' });
    });

    it('calls an authentic body it cannot read malformed, and an event of no interest ignored', () => {
      for (const payload of [{}, { unexpected: [1, 2, 3] }]) {
        expect(receive(h.provider, h.sign(payload))).toMatchObject({
          kind: 'malformed',
          message: expect.any(String),
        });
      }
      expect(receive(h.provider, h.sign(h.ignoredPayload))).toMatchObject({
        kind: 'ignored',
        eventKey: expect.any(String),
      });
    });

    it('never throws from receiveWebhook, whatever arrives', () => {
      for (const body of ['', 'null', '[]', '{"a":', '\u0000', new Uint8Array([0xff, 0xfe])]) {
        expect(h.provider.receiveWebhook(body, () => undefined).kind).toBe('forged');
        expect(() => h.provider.receiveWebhook(body, () => 't=1,v1=00')).not.toThrow();
      }
    });

    it.each<[ContractFault, PaymentProviderErrorKind]>([
      ['unavailable', 'unavailable'],
      ['rate_limited', 'rate_limited'],
      ['refuse', 'network'],
    ])('surfaces an injected %s as %s on create and lookup', async (fault, kind) => {
      const checkout = await h.provider.createCheckout(request());
      h.inject(fault);
      expect((await rejection(h.provider.createCheckout(request()))).kind).toBe(kind);
      expect((await rejection(h.provider.lookup(checkout.providerRef))).kind).toBe(kind);
    });

    it('times out a provider slower than timeoutMs', async () => {
      const slow = h.providerWith({ timeoutMs: 150 });
      const checkout = await slow.createCheckout(request());
      h.inject('slow');
      expect((await rejection(slow.createCheckout(request()))).kind).toBe('timeout');
      expect((await rejection(slow.lookup(checkout.providerRef))).kind).toBe('timeout');
    });

    it('reports a provider that is down as a network error', async () => {
      expect((await rejection(h.providerWith('down').createCheckout(request()))).kind).toBe('network');
    });

    it('reports refused credentials as unauthorized, without the secret in the message', async () => {
      const error = await rejection(h.providerWith('badCredentials').createCheckout(request()));
      expect(error.kind).toBe('unauthorized');
      expect(error.message).not.toMatch(/wrong/i);
    });

    it('shares one token among 20 concurrent callers', async () => {
      if (!h.tokenCalls) return;
      const checkouts = await Promise.all(
        Array.from({ length: 20 }, () => h.provider.createCheckout(request())),
      );
      expect(new Set(checkouts.map((checkout) => checkout.providerRef)).size).toBe(20);
      expect(h.tokenCalls()).toBe(1);
    });
  });
}
