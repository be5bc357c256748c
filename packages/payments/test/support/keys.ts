/** Fake credentials the stand-ins are started with in tests. */
export const STRIPE_KEYS = { secretKey: 'sk_test_standin_contract', webhookSecret: 'whsec_standin_contract' };
export const CLICKPESA_KEYS = {
  clientId: 'IDstandinContract',
  apiKey: 'SKstandinContract',
  checksumKey: 'CKstandinContract',
};
