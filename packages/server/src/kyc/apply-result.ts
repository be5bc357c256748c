import { type Database, type KycSession, kycSessionRepository } from '@hero-onboarding/generated/onboarding';
import { sql, type Transaction } from 'kysely';
import type { KycConfig } from '../config';
import { moveKycStatus } from '../users/kyc-status';
import { EXPIRED_SENTINEL } from './session-state';

export type ProviderOutcome = 'completed' | 'failed' | 'expired' | 'in_progress';

export interface ProviderResult {
  readonly outcome: ProviderOutcome;
  /** iDenfy's `overall` (or the status call's `status`), kept raw for admins. */
  readonly overall: string;
  readonly fraudTags: readonly string[];
  readonly mismatchTags: readonly string[];
}

/** What applying a result did: `moved` changed the session; `stale` found it no longer in a state the result applies to. */
export type ApplyOutcome = 'moved' | 'noted' | 'stale';

/**
 * Applies a provider result to a session and its user in the caller's transaction. Every status change
 * goes through the generated lifecycle methods (a conditional UPDATE from `in_progress`; the user's status
 * through `moveKycStatus`), so a repeated, late or out-of-order result can never move a finished session
 * backwards.
 */
export async function applyProviderResult(
  trx: Transaction<Database>,
  session: KycSession,
  result: ProviderResult,
  kyc: KycConfig,
): Promise<ApplyOutcome> {
  const tags = { fraud_tags: [...result.fraudTags], mismatch_tags: [...result.mismatchTags] };
  switch (result.outcome) {
    case 'completed': {
      const moved = await kycSessionRepository.transitionStatus(trx, session.id, 'in_progress', 'completed', {
        provider_status: result.overall,
        provider_tags: tags,
      });
      if (moved === undefined) return 'stale';
      await moveKycStatus(trx, session.user_id, 'completed', { kyc_verified_at: new Date() });
      return 'moved';
    }
    case 'failed': {
      const moved = await kycSessionRepository.transitionStatus(trx, session.id, 'in_progress', 'failed', {
        provider_status: result.overall,
        provider_tags: tags,
      });
      if (moved === undefined) return 'stale';
      await moveKycStatus(trx, session.user_id, 'failed');
      return 'moved';
    }
    case 'expired': {
      const moved = await kycSessionRepository.transitionStatus(trx, session.id, 'in_progress', 'expired', {
        provider_status: EXPIRED_SENTINEL,
      });
      if (moved === undefined) return 'stale';
      // While a re-mint is possible the user is still "in progress": nobody is shown EXPIRED.
      if (moved.recreation_count >= kyc.maxRemints) await moveKycStatus(trx, session.user_id, 'expired');
      return 'moved';
    }
    case 'in_progress': {
      const noted = await trx
        .updateTable('kyc_sessions')
        .set({ provider_status: result.overall, provider_tags: tags, updated_at: sql<Date>`now()` })
        .where('id', '=', session.id)
        .where('status', '=', 'in_progress')
        .where('provider_status', 'is distinct from', EXPIRED_SENTINEL)
        .returning('id')
        .executeTakeFirst();
      return noted === undefined ? 'stale' : 'noted';
    }
  }
}
