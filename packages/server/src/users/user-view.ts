import type { User } from '@hero-onboarding/generated/onboarding';

/** What a user (or an admin) sees of a user row: everything but internal bookkeeping. */
export function userView(user: User) {
  return {
    id: user.id,
    email: user.email,
    display_name: user.display_name,
    role: user.role,
    kyc_status: user.kyc_status,
    kyc_verified_at: user.kyc_verified_at?.toISOString() ?? null,
    created_at: user.created_at.toISOString(),
  };
}
