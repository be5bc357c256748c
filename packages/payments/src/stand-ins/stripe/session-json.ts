import type { SessionRecord } from './store';

/** A session in Stripe's JSON shape: the fields our adapter reads and the ones a Stripe client expects. */
export function sessionJson(
  record: SessionRecord,
  options: { expandIntent?: boolean } = {},
): Record<string, unknown> {
  const intent = record.paymentIntent;
  const expanded =
    intent === null
      ? null
      : {
          id: intent.id,
          object: 'payment_intent',
          amount: record.amountTotal,
          currency: record.currency,
          status: intent.status,
          metadata: record.intentMetadata,
          livemode: false,
        };
  return {
    id: record.id,
    object: 'checkout.session',
    amount_subtotal: record.amountTotal,
    amount_total: record.reportedAmount ?? record.amountTotal,
    cancel_url: record.cancelUrl,
    client_reference_id: record.clientReferenceId,
    created: record.created,
    currency: record.reportedCurrency ?? record.currency,
    customer: null,
    customer_email: record.customerEmail,
    expires_at: record.expiresAt,
    livemode: false,
    metadata: record.metadata,
    mode: 'payment',
    payment_intent: options.expandIntent ? expanded : (intent?.id ?? null),
    payment_method_types: ['card'],
    payment_status: record.paymentStatus,
    status: record.status,
    success_url: record.successUrl,
    ui_mode: 'hosted',
    url: record.status === 'open' ? record.url : null,
  };
}
