import { type Database, type TopUp, topUpRepository } from '@hero-onboarding/generated/onboarding';
import type { PaymentNotice, PaymentProviderName } from '@hero-onboarding/payments';
import type { Kysely } from 'kysely';

/**
 * The top-up a notice is about: by the top-up id the provider echoed (Stripe), else by the checkout's
 * reference (ClickPesa). A notice whose checkout is not the one the top-up stored is not about it.
 */
export async function topUpForNotice(
  db: Kysely<Database>,
  provider: PaymentProviderName,
  notice: Pick<PaymentNotice, 'topUpId' | 'providerRef'>,
): Promise<TopUp | undefined> {
  const found =
    (notice.topUpId === null ? undefined : await topUpRepository.get(db, notice.topUpId)) ??
    (await topUpRepository.findByProviderRef(db, notice.providerRef));
  if (found === undefined || found.provider !== provider) return undefined;
  if (found.provider_ref !== null && found.provider_ref !== notice.providerRef) return undefined;
  return found;
}
