import { type KycSession, type User, userRepository } from '@hero-onboarding/generated/onboarding';
import type { KycDeps } from '../context';
import { type KycView, kycView } from './kyc-view';

/** The URL a person opens to verify, built from the token: iDenfy's redirect endpoint. */
export function verificationUrlFor(deps: KycDeps) {
  return (authToken: string) => deps.kycProvider.verificationUrl(authToken);
}

export function viewOf(
  deps: KycDeps,
  user: Pick<User, 'kyc_status' | 'kyc_verified_at'>,
  session: KycSession | undefined,
): KycView {
  return kycView({
    userStatus: user.kyc_status,
    verifiedAt: user.kyc_verified_at,
    session,
    kyc: deps.config.kyc,
    now: deps.now(),
    verificationUrl: verificationUrlFor(deps),
  });
}

/** The view after a change: the user row is read again, since the change may have moved their status. */
export async function viewAfterChange(
  deps: KycDeps,
  userId: string,
  session: KycSession | undefined,
): Promise<KycView> {
  return viewOf(deps, await userRepository.getOrThrow(deps.db, userId), session);
}
