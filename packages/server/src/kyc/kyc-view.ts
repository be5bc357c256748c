import type { KycSession, KycStatus } from '@hero-onboarding/generated/onboarding';
import type { KycConfig } from '../config';
import { remintsLeft, sessionState } from './session-state';

/**
 * The user's KYC as every route shows it. Token fields are nullable in the type, so handing out a
 * token that may not exist needs no cast, and a dead token can only ever be null here.
 * `status` never says `expired` while a re-mint is still possible.
 */
export interface KycView {
  readonly status: KycStatus;
  readonly session_id: string | null;
  readonly verification_url: string | null;
  readonly auth_token: string | null;
  readonly token_expires_at: string | null;
  readonly verified_at: string | null;
  readonly remints_left: number | null;
  readonly can_reset: boolean;
  readonly message: string;
}

/** The pending view's message before any verification began (or after a reset), as opposed to "being prepared". */
export const NOT_STARTED_MESSAGE = 'Verification has not started yet.';

/**
 * Whether the result may arrive any moment: a session being prepared, or in progress. A page showing it
 * reloads itself; a not-started, finished or failed one has nothing to wait for.
 */
export const isSettling = (view: KycView): boolean =>
  view.status === 'in_progress' || (view.status === 'pending' && view.message !== NOT_STARTED_MESSAGE);

export interface ViewInputs {
  readonly userStatus: KycStatus;
  readonly verifiedAt: Date | null;
  readonly session: KycSession | undefined;
  readonly kyc: KycConfig;
  readonly now: Date;
  readonly verificationUrl: (authToken: string) => string;
}

export function kycView({ userStatus, verifiedAt, session, kyc, now, verificationUrl }: ViewInputs): KycView {
  const base = {
    session_id: session?.id ?? null,
    verified_at: verifiedAt?.toISOString() ?? null,
    remints_left: session === undefined ? null : remintsLeft(session, kyc),
    verification_url: null,
    auth_token: null,
    token_expires_at: null,
  };
  if (userStatus === 'completed') {
    return { ...base, status: 'completed', can_reset: false, message: 'Your identity is verified.' };
  }
  const state = session === undefined ? undefined : sessionState(session, kyc, now);
  // After a reset the user is pending again while their old session stays finished, as history.
  if (
    session === undefined ||
    state === undefined ||
    (userStatus === 'pending' && (state === 'finished' || state === 'exhausted'))
  ) {
    return { ...base, status: 'pending', can_reset: false, message: NOT_STARTED_MESSAGE };
  }
  if (state === 'finished' || state === 'exhausted') {
    const status =
      session.status === 'failed' ? 'failed' : state === 'exhausted' ? 'expired' : session.status;
    const message =
      status === 'failed'
        ? 'Verification did not succeed. You can start over.'
        : status === 'expired'
          ? 'This verification expired too many times. Start over to try again.'
          : 'Verification finished.';
    return { ...base, status, can_reset: status === 'failed' || status === 'expired', message };
  }
  if (state === 'live' && session.idenfy_auth_token !== null) {
    return {
      ...base,
      status: 'in_progress',
      verification_url: session.idenfy_redirect_url ?? verificationUrl(session.idenfy_auth_token),
      auth_token: session.idenfy_auth_token,
      token_expires_at: session.token_expires_at?.toISOString() ?? null,
      can_reset: false,
      message: 'Continue your verification with the link.',
    };
  }
  // Being minted, re-minted or checked: no token (never the dead one), and no EXPIRED.
  return {
    ...base,
    status: session.status === 'pending' ? 'pending' : 'in_progress',
    can_reset: false,
    message: 'Your verification link is being prepared; try again in a moment.',
  };
}
