import type { User } from '@hero-onboarding/generated/onboarding';
import type { AppDeps } from '../context';
import type { KycView } from '../kyc/kyc-view';
import { viewOf } from '../kyc/kyc-view.service';
import { currentSession } from '../kyc/queries';
import { type BalanceView, balancesOf } from '../payments/balances';

export interface Account {
  readonly user: User;
  readonly kyc: KycView;
  readonly balances: readonly BalanceView[];
}

/**
 * What the signed-in person's start page (and `/me`) shows: their KYC as it stands and their balances.
 * Read-only: it never calls the provider (the viewer already holds the fresh user row).
 */
export async function accountOf(deps: AppDeps, user: User): Promise<Account> {
  const [balances, session] = await Promise.all([
    balancesOf(deps.db, [user.id]),
    currentSession(deps.db, user.id),
  ]);
  return { user, kyc: viewOf(deps, user, session), balances: balances.get(user.id) ?? [] };
}
