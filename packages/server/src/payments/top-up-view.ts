import type { TopUp, TopUpStatus } from '@hero-onboarding/generated/onboarding';

const MESSAGES: Record<TopUpStatus, string> = {
  pending: 'Waiting for the payment to be confirmed.',
  paid: 'Paid: the amount was added to your balance.',
  failed: 'The payment did not go through; nothing was added to your balance.',
  expired: 'The checkout expired before it was paid; nothing was added to your balance.',
  canceled: 'The checkout was canceled; nothing was added to your balance.',
  held: 'The payment is held for review; nothing was added to your balance yet. Support will contact you.',
};

/** A top-up as its owner sees it: the checkout link only while it can still be paid. */
export function topUpView(topUp: TopUp, now: Date) {
  const payable =
    topUp.status === 'pending' &&
    (topUp.checkout_expires_at === null || topUp.checkout_expires_at.getTime() > now.getTime());
  return {
    id: topUp.id,
    provider: topUp.provider,
    amount_cents: topUp.amount_cents,
    currency: topUp.currency,
    status: topUp.status,
    message: MESSAGES[topUp.status],
    checkout_url: payable ? topUp.checkout_url : null,
    checkout_expires_at: topUp.checkout_expires_at?.toISOString() ?? null,
    paid_at: topUp.paid_at?.toISOString() ?? null,
    failure_reason: topUp.failure_reason,
    created_at: topUp.created_at.toISOString(),
  };
}

export type TopUpView = ReturnType<typeof topUpView>;
