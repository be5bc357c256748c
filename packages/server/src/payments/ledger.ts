import {
  type Database,
  type LedgerSource,
  paymentEventRepository,
  type TopUp,
  type TopUpFlag,
  topUpRepository,
} from '@hero-onboarding/generated/onboarding';
import type { Money, PaymentNotice } from '@hero-onboarding/payments';
import type { Transaction } from 'kysely';
import { addToBalance } from './balances';

/** What the provider's word did to a top-up; recorded as the webhook's outcome and logged. */
export type LedgerOutcome =
  | 'credited'
  | 'held:amount_mismatch'
  | 'held:currency_mismatch'
  | 'flagged:paid_after_close'
  | 'closed:failed'
  | 'closed:expired'
  | 'closed:canceled'
  | 'noted:pending'
  | 'unconfirmed'
  | 'stale';

export interface LedgerInput {
  readonly notice: PaymentNotice;
  /** False for a notice nobody confirmed with the provider (ClickPesa's webhook alone): it moves nothing. */
  readonly confirmed: boolean;
  readonly source: LedgerSource;
  readonly now: Date;
}

/**
 * Applies a provider's word about one top-up in the caller's transaction. The top-up row is locked first,
 * and every status change is the generated lifecycle's conditional UPDATE from `pending`, so only one of
 * any number of notices about one payment — the same event twice, `completed` and
 * `async_payment_succeeded`, or two server processes at once — writes the PaymentEvent and adds to the
 * balance. A notice whose amount or currency differs from the top-up's credits nothing and holds the top-up
 * for an admin; money reported for a top-up already failed, expired or canceled is flagged, never credited.
 */
export async function applyNotice(
  trx: Transaction<Database>,
  topUpId: string,
  { notice, confirmed, source, now }: LedgerInput,
): Promise<LedgerOutcome> {
  const topUp = await trx
    .selectFrom('top_ups')
    .selectAll()
    .where('id', '=', topUpId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (!confirmed) return topUp.status === 'pending' ? 'unconfirmed' : 'stale';
  if (notice.state === 'pending') return 'noted:pending';
  if (notice.state !== 'paid') {
    if (topUp.status !== 'pending') return 'stale';
    const reason = notice.state === 'failed' ? 'payment_failed' : `checkout_${notice.state}`;
    await topUpRepository.transitionStatus(trx, topUp.id, 'pending', notice.state, {
      failure_reason: reason,
    });
    return `closed:${notice.state}`;
  }
  if (topUp.status === 'paid' || topUp.status === 'held') return 'stale';
  if (topUp.status !== 'pending') return flag(trx, topUp, 'paid_after_close', notice.amount);
  const mismatch = mismatchOf(topUp, notice.amount);
  if (mismatch !== undefined) {
    await topUpRepository.transitionStatus(
      trx,
      topUp.id,
      'pending',
      'held',
      reported(mismatch, notice.amount),
    );
    return `held:${mismatch}`;
  }
  if (notice.paymentId === null) return 'stale';
  await topUpRepository.transitionStatus(trx, topUp.id, 'pending', 'paid', { paid_at: now });
  await paymentEventRepository.create(trx, {
    user_id: topUp.user_id,
    top_up_id: topUp.id,
    provider: topUp.provider,
    provider_payment_id: notice.paymentId,
    amount_cents: topUp.amount_cents,
    currency: topUp.currency,
    source,
  });
  await addToBalance(trx, topUp.user_id, topUp.currency, topUp.amount_cents);
  return 'credited';
}

type Mismatch = Extract<TopUpFlag, 'amount_mismatch' | 'currency_mismatch'>;

function mismatchOf(topUp: TopUp, amount: Money | null): Mismatch | undefined {
  if (amount === null) return 'amount_mismatch';
  if (amount.currency !== topUp.currency) return 'currency_mismatch';
  return String(amount.amountMinor) === topUp.amount_cents ? undefined : 'amount_mismatch';
}

function reported(flagged: TopUpFlag, amount: Money | null) {
  return {
    flag: flagged,
    reported_amount_cents: amount === null ? null : String(amount.amountMinor),
    reported_currency: amount?.currency ?? null,
  };
}

/** Money taken for a closed top-up: kept for an admin (refund or credit by hand), first report wins. */
async function flag(
  trx: Transaction<Database>,
  topUp: TopUp,
  flagged: TopUpFlag,
  amount: Money | null,
): Promise<LedgerOutcome> {
  if (topUp.flag === null) await topUpRepository.update(trx, topUp.id, reported(flagged, amount));
  return 'flagged:paid_after_close';
}
