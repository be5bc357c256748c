import { kycSessionRepository, type User } from '@hero-onboarding/generated/onboarding';
import { makeClientId } from '@hero-onboarding/kyc';
import type { KycDeps } from '../context';
import { moveKycStatus } from '../users/kyc-status';
import type { KycView } from './kyc-view';
import { viewAfterChange } from './kyc-view.service';

/**
 * KYC_DEMO_MODE: completes KYC with no provider at all, for demos. Config refuses it in production, and
 * every use is logged at warn level so it cannot go unnoticed.
 */
export async function completeWithoutProvider(deps: KycDeps, user: User): Promise<KycView> {
  deps.logger.warn('KYC DEMO MODE: completing KYC without any identity check', { user_id: user.id });
  const session = await deps.db.transaction().execute(async (trx) => {
    const opened = await kycSessionRepository.create(trx, {
      user_id: user.id,
      client_id: makeClientId(user.id),
      last_run_at: deps.now(),
      provider_status: 'DEMO',
    });
    await kycSessionRepository.transitionStatus(trx, opened.id, 'pending', 'in_progress');
    const done = await kycSessionRepository.transitionStatus(trx, opened.id, 'in_progress', 'completed');
    await moveKycStatus(trx, user.id, 'completed', { kyc_verified_at: deps.now() });
    return done ?? opened;
  });
  return viewAfterChange(deps, user.id, session);
}
