import { type TopUp, topUpRepository } from '@hero-onboarding/generated/onboarding';
import { sql } from 'kysely';
import type { PaymentDeps } from '../context';
import { applyNotice } from './ledger';
import { lookUpTopUp } from './lookup.service';

/** Providers may take a few minutes to act on a checkout's end; the sweep waits this long past it. */
export const RECONCILE_GRACE_MS = 5 * 60_000;

export interface ReconcileSummary {
  /** Pending top-ups past their checkout's life that this sweep asked the provider about. */
  readonly checked: number;
  readonly credited: number;
  /** Closed as failed, expired or canceled (by the provider's word, or because the checkout's life ended unpaid). */
  readonly closed: number;
  /** Held or flagged for an admin. */
  readonly flagged: number;
  /** Still settling at the provider (an async payment); asked again next time. */
  readonly stillPending: number;
  /** The provider did not answer; asked again next time. */
  readonly lookupFailed: number;
  /** Never got a checkout (the process stopped mid-creation): failed. */
  readonly abandoned: number;
}

/**
 * Settles top-ups left pending past their checkout's life (missed or lost webhooks): each is looked up once
 * (the same per-top-up claim as /payment/return, so several sweepers never ask twice) and the answer goes
 * through the ledger. A checkout whose life ended with no payment ever started is closed as expired; one
 * with a payment still settling (a bank debit) stays pending. `npm run reconcile` runs it once; the server
 * runs it every RECONCILE_INTERVAL_SECONDS when that is set.
 */
export async function reconcile(
  deps: PaymentDeps,
  options: { limit?: number } = {},
): Promise<ReconcileSummary> {
  const limit = options.limit ?? 100;
  const cutoff = new Date(deps.now().getTime() - RECONCILE_GRACE_MS);
  const summary = {
    checked: 0,
    credited: 0,
    closed: 0,
    flagged: 0,
    stillPending: 0,
    lookupFailed: 0,
    abandoned: 0,
  };

  const ttlMs = deps.config.payments.checkoutTtlMinutes * 60_000;
  const abandoned = await deps.db
    .selectFrom('top_ups')
    .select('id')
    .where('status', '=', 'pending')
    .where('provider_ref', 'is', null)
    .where('created_at', '<=', new Date(cutoff.getTime() - ttlMs))
    .limit(limit)
    .execute();
  for (const { id } of abandoned) {
    const failed = await topUpRepository.transitionStatus(deps.db, id, 'pending', 'failed', {
      failure_reason: 'checkout_not_created',
    });
    if (failed !== undefined) summary.abandoned += 1;
  }

  const overdue = await overdueTopUps(deps, cutoff, limit);
  for (const topUp of overdue) {
    if (deps.paymentProviders[topUp.provider] === undefined) continue;
    const looked = await lookUpTopUp(deps, topUp, 'reconcile');
    if (looked.kind === 'skipped') continue;
    summary.checked += 1;
    if (looked.kind === 'failed') {
      summary.lookupFailed += 1;
      continue;
    }
    let outcome = looked.outcome;
    if (outcome === 'noted:pending' && looked.notice.paymentId === null) {
      outcome = await deps.db.transaction().execute((trx) =>
        applyNotice(trx, topUp.id, {
          notice: { ...looked.notice, state: 'expired' },
          confirmed: true,
          source: 'reconcile',
          now: deps.now(),
        }),
      );
    }
    if (outcome === 'credited') summary.credited += 1;
    else if (outcome.startsWith('closed:')) summary.closed += 1;
    else if (outcome.startsWith('held:') || outcome.startsWith('flagged:')) summary.flagged += 1;
    else if (outcome === 'noted:pending') summary.stillPending += 1;
  }
  if (overdue.length > 0 || abandoned.length > 0) deps.logger.info('reconcile sweep', summary);
  return summary;
}

/** Pending top-ups whose checkout ended before `cutoff` and that nobody asked about within the interval. */
function overdueTopUps(deps: PaymentDeps, cutoff: Date, limit: number): Promise<TopUp[]> {
  const interval = deps.config.payments.statusCheckIntervalSeconds;
  return deps.db
    .selectFrom('top_ups')
    .selectAll()
    .where('status', '=', 'pending')
    .where('provider_ref', 'is not', null)
    .where('checkout_expires_at', '<=', cutoff)
    .where((eb) =>
      eb.or([
        eb('status_checked_at', 'is', null),
        eb('status_checked_at', '<=', sql<Date>`now() - make_interval(secs => ${interval})`),
      ]),
    )
    .orderBy('checkout_expires_at')
    .limit(limit)
    .execute();
}
