import { type KycSession, kycSessionRepository, type User } from '@hero-onboarding/generated/onboarding';
import type { KycDeps } from '../context';
import { moveKycStatus } from '../users/kyc-status';
import type { KycView } from './kyc-view';
import { viewAfterChange, viewOf } from './kyc-view.service';
import { mintToken } from './mint';
import { currentSession } from './queries';
import { EXPIRED_SENTINEL, sessionState } from './session-state';
import { checkProviderStatus } from './status-check';

export interface ResumeOptions {
  /** /kyc/return: the user is back from iDenfy, so a missing webhook is worth one bounded status check. */
  readonly checkLiveSession?: boolean;
}

/**
 * Brings the user's current session to the best state it can reach now and returns its view: mints a
 * first token, re-mints a dead one in place (same session, same client id), or ends a session that is
 * out of re-mints, without ever showing a dead token or EXPIRED while a re-mint is possible.
 */
export async function resumeKyc(deps: KycDeps, user: User, options: ResumeOptions = {}): Promise<KycView> {
  let session = await currentSession(deps.db, user.id);
  if (session === undefined || user.kyc_status === 'completed') {
    return viewOf(deps, user, session);
  }
  session = await settle(deps, session, options);
  return viewAfterChange(deps, user.id, session);
}

/** One pass over the session's state machine; every step is a conditional write, safe under races. */
export async function settle(
  deps: KycDeps,
  start: KycSession,
  options: ResumeOptions = {},
): Promise<KycSession> {
  let session = start;
  let state = sessionState(session, deps.config.kyc, deps.now());

  if (state === 'needs_check' || (state === 'live' && options.checkLiveSession === true)) {
    const checked = await checkProviderStatus(deps, session);
    if (checked === undefined) return session;
    session = checked;
    state = sessionState(session, deps.config.kyc, deps.now());
  }
  if (state === 'exhausted') return endForGood(deps, session);
  if (state === 'needs_mint') return (await mintToken(deps, session)).session;
  return session;
}

/** Out of re-mints: expired for good, the user told to start over, and no further iDenfy call. */
async function endForGood(deps: KycDeps, session: KycSession): Promise<KycSession> {
  return deps.db.transaction().execute(async (trx) => {
    const ended =
      session.status === 'in_progress'
        ? await kycSessionRepository.transitionStatus(trx, session.id, 'in_progress', 'expired', {
            provider_status: EXPIRED_SENTINEL,
          })
        : undefined;
    await moveKycStatus(trx, session.user_id, 'expired');
    if (ended !== undefined)
      deps.logger.info('KYC session expired for good: re-mint cap reached', { session_id: session.id });
    return ended ?? (await kycSessionRepository.getOrThrow(trx, session.id));
  });
}
