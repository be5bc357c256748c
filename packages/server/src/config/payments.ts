import { ConfigError, type EnvReader } from '@hero-onboarding/env';
import { type ClickPesaSetup, readClickPesaConfig } from './clickpesa';
import type { RuntimeConfig } from './runtime';
import { readStripeConfig, type StripeSetup } from './stripe';

export type { ClickPesaSetup, StripeSetup };

export interface PaymentsConfig {
  /** Upper-case ISO 4217 codes a top-up may use (TOPUP_CURRENCIES); each has its own balance. */
  readonly currencies: readonly string[];
  /** Bounds of one top-up in minor units, whatever the currency. */
  readonly minCents: number;
  readonly maxCents: number;
  /** How long a checkout takes payment (Stripe's `expires_at`; ClickPesa's assumed life). */
  readonly checkoutTtlMinutes: number;
  /** Per provider call: a slower provider is a 503 for the person waiting, never a hang. */
  readonly providerTimeoutMs: number;
  /** At most one provider lookup per top-up per interval, across processes (/payment/return, reconcile). */
  readonly statusCheckIntervalSeconds: number;
  /** The reconcile sweep inside the server; 0 = off (run `npm run reconcile` from a scheduler instead). */
  readonly reconcileIntervalSeconds: number;
  readonly stripe: StripeSetup;
  readonly clickpesa: ClickPesaSetup;
}

const CURRENCY = /^[A-Z]{3}$/;

export function readPaymentsConfig(env: EnvReader, runtime: RuntimeConfig): PaymentsConfig {
  const listed = env.list('TOPUP_CURRENCIES').map((c) => c.toUpperCase());
  const currencies = listed.length === 0 ? ['USD'] : [...new Set(listed)];
  if (!currencies.every((c) => CURRENCY.test(c)))
    throw new ConfigError('TOPUP_CURRENCIES', 'must be comma-separated ISO 4217 codes, such as USD,TZS');
  const minCents = env.int('TOPUP_MIN_CENTS', 100, { min: 1 });
  const maxCents = env.int('TOPUP_MAX_CENTS', 1_000_000, { min: 1, max: 99_999_999_999 });
  if (maxCents < minCents) throw new ConfigError('TOPUP_MAX_CENTS', 'must not be below TOPUP_MIN_CENTS');
  return {
    currencies,
    minCents,
    maxCents,
    // Stripe takes 30 minutes to 24 hours ahead of the session's creation; 31 leaves room for the call.
    checkoutTtlMinutes: env.int('PAYMENT_CHECKOUT_TTL_MINUTES', 60, { min: 31, max: 1440 }),
    providerTimeoutMs: env.int('PAYMENT_PROVIDER_TIMEOUT_MS', 10_000, { min: 100, max: 120_000 }),
    statusCheckIntervalSeconds: env.int('PAYMENT_STATUS_CHECK_INTERVAL_SECONDS', 30, { max: 86_400 }),
    reconcileIntervalSeconds: env.int('RECONCILE_INTERVAL_SECONDS', 0, { max: 86_400 }),
    stripe: readStripeConfig(env, runtime),
    clickpesa: readClickPesaConfig(env, runtime),
  };
}
