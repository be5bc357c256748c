import {
  canTransitionUserKycStatus,
  type Database,
  type KycStatus,
  type User,
  type UserPatch,
  userRepository,
} from '@hero-onboarding/generated/onboarding';
import type { Transaction } from 'kysely';

/**
 * The one place `User.kyc_status` changes (the payment gate trusts it). The row is locked first, so the
 * generated transition — a conditional UPDATE from the state just read — cannot race with another writer;
 * a move the schema's lifecycle does not allow changes nothing. Returns the moved row, or undefined when
 * nothing moved (already there, not allowed from where it stands, or no such user).
 */
export async function moveKycStatus(
  trx: Transaction<Database>,
  userId: string,
  to: KycStatus,
  patch: Pick<UserPatch, 'kyc_verified_at'> = {},
): Promise<User | undefined> {
  const current = await trx
    .selectFrom('users')
    .select('kyc_status')
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (current === undefined || !canTransitionUserKycStatus(current.kyc_status, to)) return undefined;
  return userRepository.transitionKycStatus(trx, userId, current.kyc_status, to, patch);
}
