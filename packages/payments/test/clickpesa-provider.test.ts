import { ClickPesaPaymentProvider } from '../src/clickpesa';
import { startClickPesaStandIn } from '../src/stand-ins/clickpesa';
import { type ContractFault, runPaymentProviderContract } from './provider.contract';
import { clickPesaSigned } from './support/clickpesa-sign';
import { deadUrl } from './support/free-port';
import { CLICKPESA_KEYS } from './support/keys';
import { startReceiver } from './support/receiver';

runPaymentProviderContract('ClickPesaPaymentProvider against the ClickPesa stand-in over HTTP', async () => {
  const receiver = await startReceiver('/webhooks/clickpesa');
  const stand = await startClickPesaStandIn({ ...CLICKPESA_KEYS });
  const down = await deadUrl('/third-parties');
  const faults: Record<ContractFault, Parameters<typeof stand.setFaults>[0]> = {
    unavailable: { status: 503, times: 100 },
    rate_limited: { status: 429, times: 100 },
    slow: { delayMs: 2_000 },
    refuse: { refuse: true },
  };
  const make = (overrides: Partial<ConstructorParameters<typeof ClickPesaPaymentProvider>[0]> = {}) =>
    new ClickPesaPaymentProvider({ ...CLICKPESA_KEYS, apiUrl: stand.apiUrl, ...overrides });
  return {
    provider: make(),
    providerWith: (change) => {
      if (change === 'badCredentials') return make({ apiKey: 'SKwrong' });
      if (change === 'wrongWebhookSecret') return make({ checksumKey: 'CKwrong' });
      if (change === 'down') return make({ apiUrl: down });
      return make({ timeoutMs: change.timeoutMs });
    },
    amount: { amountMinor: 2_500_000, currency: 'TZS' },
    callbackUrl: receiver.url,
    waitForWebhooks: (count) => receiver.waitFor(count),
    pay: async (ref, options) => {
      await stand.pay(ref, options);
    },
    fail: async (ref) => {
      await stand.pay(ref, { outcome: 'failed' });
    },
    expire: null,
    unsigned: ({ body, headers }) => {
      const { checksum: _c, checksumMethod: _m, ...rest } = JSON.parse(new TextDecoder().decode(body));
      return { body: new TextEncoder().encode(JSON.stringify(rest)), headers };
    },
    stale: null,
    sign: (payload) => clickPesaSigned(CLICKPESA_KEYS.checksumKey, payload),
    ignoredPayload: {
      event: 'PAYOUT INITIATED',
      data: { id: 'PAY17072CD', orderReference: 'ORDER1', amount: '20000.00' },
    },
    signsExactBytes: false,
    idempotentCheckout: false,
    unknownRef: 'NeverIssued0000',
    unknownRefLookup: 'pending',
    inject: (fault) => stand.setFaults(faults[fault]),
    tokenCalls: () => stand.stats().tokensIssued,
    close: async () => {
      await stand.close();
      await receiver.close();
    },
  };
});
