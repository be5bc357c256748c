import { kycSessionRepository, type User } from '@hero-onboarding/generated/onboarding';
import { makeClientId } from '@hero-onboarding/kyc';
import { sql } from 'kysely';
import type { KycDeps } from '../context';
import { completeWithoutProvider } from './demo';
import type { KycView } from './kyc-view';
import { viewAfterChange, viewOf } from './kyc-view.service';
import { currentSession } from './queries';
import { settle } from './resume.service';
import { isResumable } from './session-state';

/**
 * /kyc/start: continue the user's open session, or open a new one (a fresh client-id suffix) when they
 * have none or reset the last one. A per-user advisory lock makes "find or create" one step, so two
 * tabs clicking at once open one session, not two.
 */
export async function startKyc(deps: KycDeps, user: User): Promise<KycView> {
  if (user.kyc_status === 'completed') return viewOf(deps, user, await currentSession(deps.db, user.id));
  if (deps.config.kyc.demoMode) return completeWithoutProvider(deps, user);

  const now = deps.now();
  const { session, created } = await deps.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`kyc-start:${user.id}`}))`.execute(trx);
    const current = await currentSession(trx, user.id);
    if (current !== undefined && isResumable(current, deps.config.kyc, now))
      return { session: current, created: false };
    // A finished session is only replaced once the user (or an admin) reset: failures stay visible until then.
    if (current !== undefined && user.kyc_status !== 'pending') return { session: current, created: false };
    const fresh = await kycSessionRepository.create(trx, {
      user_id: user.id,
      client_id: makeClientId(user.id, now.getTime()),
      last_run_at: now,
    });
    return { session: fresh, created: true };
  });
  if (created) deps.logger.info('KYC session opened', { session_id: session.id, user_id: user.id });
  const settled = await settle(deps, session);
  return viewAfterChange(deps, user.id, settled);
}
