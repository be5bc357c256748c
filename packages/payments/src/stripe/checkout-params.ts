import type Stripe from 'stripe';
import type { CheckoutRequest } from '../provider';

const DEFAULT_PRODUCT_NAME = 'Balance top-up';

/**
 * The Checkout Session for one top-up: one `price_data` line, the top-up id in `client_reference_id` and in
 * the metadata of both the session and its PaymentIntent, and an explicit `expires_at` so a checkout nobody
 * finishes ends (and its top-up can be settled) within the configured time instead of Stripe's 24 hours.
 */
export function checkoutSessionParams(
  request: CheckoutRequest,
  expiresAtSeconds: number,
): Stripe.Checkout.SessionCreateParams {
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
    expires_at: expiresAtSeconds,
    ...(request.customerEmail === undefined ? {} : { customer_email: request.customerEmail }),
  };
}
