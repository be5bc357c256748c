import type Stripe from 'stripe';
import type { CheckoutRequest } from '../provider';

const DEFAULT_PRODUCT_NAME = 'Balance top-up';

/**
 * The Checkout Session for one top-up: one `price_data` line, the top-up id in `client_reference_id` and in
 * the metadata of both the session and its PaymentIntent, and `expires_at` when the request sets one. Built
 * from the request alone (no clock), so a retry with the same idempotency key sends identical parameters —
 * Stripe refuses a reused key with different ones.
 */
export function checkoutSessionParams(request: CheckoutRequest): Stripe.Checkout.SessionCreateParams {
  return {
    mode: 'payment',
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: request.amount.currency.toLowerCase(),
          unit_amount: request.amount.amountMinor,
          product_data: { name: request.description ?? DEFAULT_PRODUCT_NAME },
        },
      },
    ],
    client_reference_id: request.topUpId,
    metadata: { top_up_id: request.topUpId },
    payment_intent_data: { metadata: { top_up_id: request.topUpId } },
    success_url: request.returnUrl,
    cancel_url: request.cancelUrl,
    ...(request.expiresAt === undefined
      ? {}
      : { expires_at: Math.floor(request.expiresAt.getTime() / 1000) }),
    ...(request.customerEmail === undefined ? {} : { customer_email: request.customerEmail }),
  };
}
