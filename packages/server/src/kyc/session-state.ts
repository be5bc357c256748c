import type { KycSession } from '@hero-onboarding/generated/onboarding';
import type { KycConfig } from '../config';

/**
 * Written to `provider_status` when a status check learns a token expired, before anything else
 * happens, so concurrent callers stop re-checking and go straight to the (single) re-mint.
 */
export const EXPIRED_SENTINEL = 'EXPIRED';
/** `provider_status` of a session an admin or user reset. */
export const RESET_MARK = 'RESET';

/**
 * What a caller may do with a session now. Derived from the row alone, so two server processes
 * reading the same row decide the same thing.
 * - live: a usable token; show it.
 * - needs_mint: no token yet, or a dead one that may be replaced (the lease decides who mints).
 * - needs_check: the token's time is up but iDenfy has not said EXPIRED; the user may be mid-flow.
 * - exhausted: a dead token and no re-mints left; the session ends for good.
 * - finished: completed or failed; nothing more happens to it.
 */
export type SessionState = 'live' | 'needs_mint' | 'needs_check' | 'exhausted' | 'finished';

export function sessionState(session: KycSession, kyc: KycConfig, now: Date): SessionState {
  switch (session.status) {
    case 'completed':
    case 'failed':
      return 'finished';
    case 'pending':
      return session.idenfy_scan_ref === null ? 'needs_mint' : 'needs_check';
    case 'expired':
      return remintsLeft(session, kyc) > 0 ? 'needs_mint' : 'exhausted';
    case 'in_progress': {
      if (session.provider_status === EXPIRED_SENTINEL)
        return remintsLeft(session, kyc) > 0 ? 'needs_mint' : 'exhausted';
      const expiresAt = session.token_expires_at;
      if (session.idenfy_auth_token === null || expiresAt === null) return 'needs_mint';
      return expiresAt.getTime() > now.getTime() ? 'live' : 'needs_check';
    }
    default:
      return unreachable(session.status);
  }
}

function unreachable(status: never): never {
  throw new Error(`unknown KYC status ${String(status)}`);
}

export function remintsLeft(session: KycSession, kyc: KycConfig): number {
  return Math.max(0, kyc.maxRemints - session.recreation_count);
}

/** A session /kyc/start may continue rather than replace. */
export function isResumable(session: KycSession, kyc: KycConfig, now: Date): boolean {
  const state = sessionState(session, kyc, now);
  return state !== 'finished' && state !== 'exhausted';
}
