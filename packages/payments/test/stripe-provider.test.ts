import { randomUUID } from 'node:crypto';
import { startStripeStandIn } from '../src/stand-ins/stripe';
import { StripePaymentProvider } from '../src/stripe';
import { type ContractFault, runPaymentProviderContract } from './provider.contract';
import { deadUrl } from './support/free-port';
import { STRIPE_KEYS } from './support/keys';
import { startReceiver } from './support/receiver';
import { stripeSigned } from './support/stripe-sign';

runPaymentProviderContract('StripePaymentProvider against the Stripe stand-in over HTTP', async () => {
  const receiver = await startReceiver('/webhooks/stripe');
  const stand = await startStripeStandIn({ ...STRIPE_KEYS, webhookUrl: receiver.url });
  const down = await deadUrl();
  const faults: Record<ContractFault, Parameters<typeof stand.setFaults>[0]> = {
    unavailable: { status: 500, times: 100 },
    rate_limited: { status: 429, times: 100 },
    slow: { delayMs: 2_000 },
    refuse: { refuse: true },
  };
  const make = (overrides: Partial<ConstructorParameters<typeof StripePaymentProvider>[0]> = {}) =>
    new StripePaymentProvider({ ...STRIPE_KEYS, apiUrl: stand.url, ...overrides });
  return {
    provider: make(),
    providerWith: (change) => {
      if (change === 'badCredentials') return make({ secretKey: 'sk_test_wrong' });
      if (change === 'wrongWebhookSecret') return make({ webhookSecret: 'whsec_wrong' });
      if (change === 'down') return make({ apiUrl: down });
      return make({ timeoutMs: change.timeoutMs });
    },
    amount: { amountMinor: 1234, currency: 'USD' },
    callbackUrl: receiver.url,
    waitForWebhooks: (count) => receiver.waitFor(count),
    pay: async (ref, options) => {
      await stand.pay(ref, options);
    },
    fail: async (ref) => {
      await stand.payLater(ref, { deliver: false });
      await stand.settle(ref, 'failed');
    },
    expire: async (ref) => {
      await stand.expire(ref);
    },
    unsigned: ({ body }) => ({ body, headers: {} }),
    stale: async (received) => {
      const event = stand.events().at(-1);
      if (!event) throw new Error('no event to replay');
      const before = receiver.received.length;
      await stand.redeliver(event.id, { signedSecondsAgo: 600 });
      const all = await receiver.waitFor(before + 1);
      return all.at(-1) ?? received;
    },
    sign: (payload) => stripeSigned(STRIPE_KEYS.webhookSecret, JSON.stringify(payload)),
    ignoredPayload: {
      id: `evt_${randomUUID().replaceAll('-', '')}`,
      object: 'event',
      type: 'customer.created',
      data: { object: {} },
    },
    signsExactBytes: true,
    idempotentCheckout: true,
    unknownRef: 'cs_test_neverIssued0000000000',
    unknownRefLookup: 'not_found',
    inject: (fault) => stand.setFaults(faults[fault]),
    tokenCalls: null,
    close: async () => {
      await stand.close();
      await receiver.close();
    },
  };
});
