import {
  CLICKPESA_CURRENCIES,
  formatAmount,
  PAYMENT_PROVIDER_NAMES,
  type PaymentProviderName,
} from '@hero-onboarding/payments';
import type { AppDeps } from '../context';

import type { TopUpFormProps } from './top-up-form';

const CHOICES: Record<PaymentProviderName, { label: string; note: string }> = {
  stripe: { label: 'Card', note: 'through Stripe' },
  clickpesa: { label: 'Mobile money', note: `through ClickPesa (${CLICKPESA_CURRENCIES.join(' or ')} only)` },
};

/** What the top-up form offers: the allowed currencies, the providers this server has, the bounds. */
export function topUpChoices(deps: AppDeps): Omit<TopUpFormProps, 'error' | 'values'> {
  const { currencies, minCents, maxCents } = deps.config.payments;
  const providers = PAYMENT_PROVIDER_NAMES.filter((name) => deps.paymentProviders[name] !== undefined).map(
    (name) => ({ name, ...CHOICES[name] }),
  );
  // The bounds are in minor units, so they read the same in every currency only if the decimals agree.
  const texts = new Set(
    currencies.map(
      (currency) => `From ${formatAmount(minCents, currency)} to ${formatAmount(maxCents, currency)}.`,
    ),
  );
  return { currencies, providers, bounds: texts.size === 1 ? [...texts][0] : undefined };
}
