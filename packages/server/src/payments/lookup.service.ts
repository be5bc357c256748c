import type { LedgerSource, TopUp } from '@hero-onboarding/generated/onboarding';
import type { PaymentNotice } from '@hero-onboarding/payments';
import { sql } from 'kysely';
import type { PaymentDeps } from '../context';
import { withLockTimeout } from '../db/lock-timeout';
import { applyNotice, type LedgerOutcome } from './ledger';

export type LookupResult =
  /** This caller asked the provider and applied its answer. */
  | { readonly kind: 'checked'; readonly outcome: LedgerOutcome; readonly notice: PaymentNotice }
  /** Someone asked within the interval, or the top-up is no longer pending: nothing was asked. */
  | { readonly kind: 'skipped' }
  /** The provider did not answer usefully; the next interval tries again. */
  | { readonly kind: 'failed' };

/**
 * The fallback for a webhook that may have been missed: one provider lookup for a pending top-up, at most
 * once per top-up per PAYMENT_STATUS_CHECK_INTERVAL_SECONDS across all processes (claimed with a conditional
 * UPDATE of `status_checked_at`, so no lock or transaction is held during the HTTP call), then the answer
 * goes through the same ledger as a webhook.
 */
export async function lookUpTopUp(
  deps: PaymentDeps,
  topUp: TopUp,
  source: LedgerSource,
): Promise<LookupResult> {
  const provider = deps.paymentProviders[topUp.provider];
  const ref = topUp.provider_ref;
  if (provider === undefined || ref === null || topUp.status !== 'pending') return { kind: 'skipped' };
  const interval = deps.config.payments.statusCheckIntervalSeconds;
  const claimed = await withLockTimeout(deps.db, (trx) =>
    trx
      .updateTable('top_ups')
      .set({ status_checked_at: sql<Date>`now()` })
      .where('id', '=', topUp.id)
      .where('status', '=', 'pending')
      .where((eb) =>
        eb.or([
          eb('status_checked_at', 'is', null),
          eb('status_checked_at', '<=', sql<Date>`now() - make_interval(secs => ${interval})`),
        ]),
      )
      .returning('id')
      .executeTakeFirst(),
  );
  if (claimed === undefined) return { kind: 'skipped' };

  let notice: PaymentNotice;
  try {
    notice = await provider.lookup(ref);
  } catch (error) {
    deps.logger.warn('payment lookup failed', { top_up_id: topUp.id, provider: provider.name, error });
    return { kind: 'failed' };
  }
  if (notice.providerRef !== ref) {
    deps.logger.warn('payment lookup answered for another checkout; ignored', { top_up_id: topUp.id });
    return { kind: 'failed' };
  }
  const outcome = await deps.db
    .transaction()
    .execute((trx) => applyNotice(trx, topUp.id, { notice, confirmed: true, source, now: deps.now() }));
  deps.logger.info('payment looked up', { top_up_id: topUp.id, provider: provider.name, outcome, source });
  return { kind: 'checked', outcome, notice };
}
