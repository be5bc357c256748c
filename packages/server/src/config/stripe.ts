import { ConfigError, type EnvReader } from '@hero-onboarding/env';
import type { RuntimeConfig } from './runtime';

/**
 * How Stripe is reached. `live`: real keys (STRIPE_API_URL may still point the SDK at another server).
 * `stand-in`: no key and nothing real configured, so the local stand-in plays Stripe — started inside the server
 * unless STRIPE_API_URL names one already running. `off`: production without keys; Stripe top-ups refused.
 */
export type StripeSetup =
  | { readonly mode: 'off' }
  | {
      readonly mode: 'live' | 'stand-in';
      readonly secretKey: string;
      readonly webhookSecret: string;
      readonly apiUrl: string | undefined;
    };

const DEV_STRIPE = {
  secretKey: 'sk_test_hero_onboarding_stand_in',
  webhookSecret: 'whsec_hero_onboarding_stand_in',
};

export function readStripeConfig(env: EnvReader, runtime: RuntimeConfig): StripeSetup {
  const secretKey = env.string('STRIPE_SECRET_KEY');
  const webhookSecret = env.string('STRIPE_WEBHOOK_SECRET');
  const apiUrl = env.url('STRIPE_API_URL');
  if (secretKey === undefined) {
    // The stand-in is a dev convenience: only where nothing is real (anyone could "pay" through it).
    if (runtime.production || runtime.realServices.length > 0) return { mode: 'off' };
    return {
      mode: 'stand-in',
      apiUrl,
      secretKey: DEV_STRIPE.secretKey,
      webhookSecret: webhookSecret ?? DEV_STRIPE.webhookSecret,
    };
  }
  if (webhookSecret === undefined)
    throw new ConfigError('STRIPE_WEBHOOK_SECRET', 'is required when STRIPE_SECRET_KEY is set');
  return { mode: 'live', secretKey, webhookSecret, apiUrl };
}
