import { randomUUID } from 'node:crypto';
import type { CheckoutRequest } from '../../src/provider';

/**
 * A checkout request for a fresh top-up id, shaped as the server makes one: the idempotency key and the
 * return URLs name the top-up. The amount and callback URL are the caller's; anything may be overridden.
 */
export function checkoutRequest(
  base: Pick<CheckoutRequest, 'amount' | 'callbackUrl'> & Partial<CheckoutRequest>,
  overrides: Partial<CheckoutRequest> = {},
): CheckoutRequest {
  const topUpId = overrides.topUpId ?? base.topUpId ?? randomUUID();
  const returnUrl = `http://127.0.0.1:9/payment/return?top_up=${topUpId}`;
  return {
    topUpId,
    idempotencyKey: `top-up:${topUpId}`,
    returnUrl,
    cancelUrl: `${returnUrl}&canceled=1`,
    ...base,
    ...overrides,
  };
}
