import { type KycSession, kycSessionRepository } from '@hero-onboarding/generated/onboarding';
import { KycProviderError, kycOutcome } from '@hero-onboarding/kyc';
import { sql } from 'kysely';
import type { KycDeps } from '../context';
import { withLockTimeout } from '../db/lock-timeout';
import { retryTransient } from '../retry';
import { applyProviderResult } from './apply-result';
import { byScanRef } from './queries';
import { EXPIRED_SENTINEL } from './session-state';

/**
 * The fallback for a webhook that may have been missed: one status call to iDenfy, at most once per
 * session per KYC_STATUS_CHECK_INTERVAL_SECONDS across all processes (claimed with a conditional UPDATE
 * of `status_checked_at`), because iDenfy restricts clients that poll. Returns the session as it
 * stands afterwards, or undefined when this caller did not get to check (a peer did, or iDenfy failed).
 */
export async function checkProviderStatus(
  deps: KycDeps,
  session: KycSession,
): Promise<KycSession | undefined> {
  const { db, config } = deps;
  const scanRef = session.idenfy_scan_ref;
  if (scanRef === null) return undefined;
  const claimed = await withLockTimeout(db, (trx) =>
    trx
      .updateTable('kyc_sessions')
      .set({ status_checked_at: sql<Date>`now()` })
      .where('id', '=', session.id)
      .where(byScanRef(scanRef))
      .where((eb) =>
        eb.or([
          eb('status_checked_at', 'is', null),
          eb(
            'status_checked_at',
            '<=',
            sql<Date>`now() - make_interval(secs => ${config.kyc.statusCheckIntervalSeconds})`,
          ),
        ]),
      )
      .returningAll()
      .executeTakeFirst(),
  );
  if (claimed === undefined) return undefined;

  let report: Awaited<ReturnType<KycDeps['kycProvider']['fetchStatus']>>;
  try {
    // A read, so safe to repeat once when iDenfy is briefly down; not on a timeout (the person already
    // waited) nor a 429 (iDenfy restricts clients that poll).
    report = await retryTransient(() => deps.kycProvider.fetchStatus(scanRef), {
      attempts: 2,
      delayMs: 250,
      isTransient: (e) => e instanceof KycProviderError && (e.kind === 'unavailable' || e.kind === 'network'),
    });
  } catch (error) {
    deps.logger.warn('iDenfy status check failed', { session_id: session.id, error });
    return undefined;
  }

  if (report.status === 'EXPIRED') {
    // Persist what we learnt before anything else, so peers re-mint instead of asking iDenfy again.
    await db
      .updateTable('kyc_sessions')
      .set({ provider_status: EXPIRED_SENTINEL, updated_at: sql<Date>`now()` })
      .where('id', '=', session.id)
      .where(byScanRef(scanRef))
      .where('status', '=', 'in_progress')
      .execute();
  } else {
    const final = report.status !== 'ACTIVE' && report.status !== 'REVIEWING';
    await db.transaction().execute(async (trx) => {
      const locked = await trx
        .selectFrom('kyc_sessions')
        .selectAll()
        .where('id', '=', session.id)
        .where(byScanRef(scanRef))
        .forUpdate()
        .executeTakeFirst();
      if (locked === undefined) return;
      await applyProviderResult(
        trx,
        locked,
        {
          outcome: kycOutcome(report.status, final, { suspectedCompletes: config.kyc.suspectedCompletes }),
          overall: report.status,
          fraudTags: report.fraudTags,
          mismatchTags: report.mismatchTags,
        },
        config.kyc,
      );
    });
  }
  deps.logger.info('iDenfy status checked', { session_id: session.id, provider_status: report.status });
  return kycSessionRepository.get(db, session.id);
}
