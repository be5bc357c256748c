import { type TopUp, topUpRepository, type User } from '@hero-onboarding/generated/onboarding';
import type { Checkout } from '@hero-onboarding/payments';
import { sql } from 'kysely';
import type { PaymentDeps } from '../context';
import type { TopUpInput } from './intent-input';
import { kycRequired } from './kyc-gate';
import { creationFailureReason, paymentProviderFailure } from './provider-errors';

export interface OpenedTopUp {
  readonly topUp: TopUp;
  readonly checkoutUrl: string;
}

/**
 * Opens a top-up: a pending row, then the provider's hosted checkout for it. The KYC status is read again,
 * locked, in the transaction that creates the row, so a reset racing the request cannot slip a top-up past
 * the gate. The checkout is created with an idempotency key derived from the top-up (a retry never opens a
 * second one). If the provider fails or is too slow, the top-up is marked failed before the error is
 * answered, so nothing can credit it later.
 */
export async function openTopUp(deps: PaymentDeps, user: User, input: TopUpInput): Promise<OpenedTopUp> {
  const { provider, amount } = input;
  const topUp = await deps.db.transaction().execute(async (trx) => {
    const verified = await trx
      .selectFrom('users')
      .select('kyc_status')
      .where('id', '=', user.id)
      .forShare()
      .executeTakeFirst();
    if (verified?.kyc_status !== 'completed') throw kycRequired(verified?.kyc_status ?? 'pending');
    return topUpRepository.create(trx, {
      user_id: user.id,
      provider: provider.name,
      amount_cents: String(amount.amountMinor),
      currency: amount.currency,
    });
  });

  const { publicUrl } = deps.config.http;
  const returnUrl = `${publicUrl}/payment/return?top_up=${topUp.id}`;
  // From the row, not the clock: a retry under the same idempotency key must send identical parameters.
  const expiresAt = new Date(topUp.created_at.getTime() + deps.config.payments.checkoutTtlMinutes * 60_000);
  let checkout: Checkout;
  try {
    checkout = await provider.createCheckout({
      topUpId: topUp.id,
      amount,
      idempotencyKey: `top-up:${topUp.id}`,
      returnUrl,
      cancelUrl: returnUrl,
      callbackUrl: `${publicUrl}/webhooks/${provider.name}`,
      description: 'Balance top-up',
      expiresAt,
    });
  } catch (error) {
    const reason = creationFailureReason(error);
    await topUpRepository.transitionStatus(deps.db, topUp.id, 'pending', 'failed', {
      failure_reason: reason,
    });
    deps.logger.warn('checkout creation failed; top-up marked failed', {
      top_up_id: topUp.id,
      provider: provider.name,
      reason,
      error,
    });
    throw paymentProviderFailure(error);
  }

  const stored = await deps.db
    .updateTable('top_ups')
    .set({
      provider_ref: checkout.providerRef,
      checkout_url: checkout.checkoutUrl,
      checkout_expires_at: checkout.expiresAt ?? expiresAt,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', topUp.id)
    .where('provider_ref', 'is', null)
    .returningAll()
    .executeTakeFirst();
  deps.logger.info('top-up opened', { top_up_id: topUp.id, provider: provider.name });
  return {
    topUp: stored ?? (await topUpRepository.getOrThrow(deps.db, topUp.id)),
    checkoutUrl: checkout.checkoutUrl,
  };
}
