import { canTransitionKycSessionStatus, kycSessionRepository } from '@hero-onboarding/generated/onboarding';
import type { KycDeps } from '../context';
import { AppError } from '../http/errors';
import { moveKycStatus } from '../users/kyc-status';
import type { KycView } from './kyc-view';
import { viewAfterChange, viewOf } from './kyc-view.service';
import { currentSession } from './queries';
import { RESET_MARK } from './session-state';

/**
 * Puts a user back to "not started" so the next /kyc/start opens a new session with a new client-id
 * suffix. A user may reset only what failed or expired for good; an admin may reset anyone, which also
 * fails any session still open so a late webhook for it cannot complete the user.
 */
export async function resetKyc(deps: KycDeps, userId: string, by: 'user' | 'admin'): Promise<KycView> {
  await deps.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (user === undefined) throw new AppError(404, 'not_found', 'No such user.');
    const session = await currentSession(trx, userId);
    if (by === 'user') {
      const visible = viewOf(deps, user, session);
      if (!visible.can_reset) {
        throw new AppError(
          409,
          'kyc_not_resettable',
          `Verification is ${visible.status}; only a failed or expired one can be reset.`,
        );
      }
    }
    if (
      session !== undefined &&
      session.status !== 'completed' &&
      canTransitionKycSessionStatus(session.status, 'failed')
    ) {
      await kycSessionRepository.transitionStatus(trx, session.id, session.status, 'failed', {
        provider_status: RESET_MARK,
      });
    }
    await moveKycStatus(trx, userId, 'pending', { kyc_verified_at: null });
  });
  deps.logger.info('KYC reset', { user_id: userId, by });
  return viewAfterChange(deps, userId, await currentSession(deps.db, userId));
}
