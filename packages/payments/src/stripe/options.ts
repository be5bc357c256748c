import type Stripe from 'stripe';

type StripeConfig = Stripe.StripeConfig;

import { PaymentProviderError } from '../errors';

export const STRIPE_API_URL = 'https://api.stripe.com';

export interface StripeProviderOptions {
  /** `sk_live_...` / `sk_test_...` (STRIPE_SECRET_KEY). */
  secretKey: string;
  /** The endpoint's signing secret, `whsec_...` (STRIPE_WEBHOOK_SECRET). */
  webhookSecret: string;
  /** Another server speaking Stripe's API (STRIPE_API_URL), e.g. the stand-in. Origin only: no path. */
  apiUrl?: string;
  /** Per attempt, as the SDK's socket timeout. Default 10 000. */
  timeoutMs?: number;
  /**
   * The SDK's own retries (with our idempotency key, so safe). Default 0: one attempt, so `timeoutMs`
   * bounds the call the person is waiting on. The SDK still retries a connection closed mid-request once.
   */
  maxNetworkRetries?: number;
  /** Clock for the `expiresAt` bounds and the webhook timestamp check; tests move it. */
  now?: () => number;
}

export interface StripeSettings {
  readonly secretKey: string;
  readonly webhookSecret: string;
  readonly sdk: StripeConfig;
  readonly now: () => number;
}

function invalid(message: string): PaymentProviderError {
  return new PaymentProviderError('invalid_config', `StripePaymentProvider: ${message}`);
}

function required(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(`${name} must be a non-empty string`);
  return value;
}

/** The SDK takes host, port and protocol, not a URL: split STRIPE_API_URL, refusing what it cannot express. */
function endpoint(apiUrl: string): Pick<StripeConfig, 'host' | 'port' | 'protocol'> {
  const url = URL.canParse(apiUrl) ? new URL(apiUrl) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw invalid('apiUrl must be an absolute http(s) URL');
  }
  if (url.pathname !== '/' || url.search !== '' || url.username !== '' || url.password !== '') {
    throw invalid('apiUrl must be an origin (scheme, host and port) without path, query or credentials');
  }
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? (protocol === 'https' ? 443 : 80) : Number(url.port),
    protocol,
  };
}

function wholeNumber(value: number | undefined, name: string, min: number, max: number, fallback: number) {
  const chosen = value ?? fallback;
  if (!Number.isSafeInteger(chosen) || chosen < min || chosen > max) {
    throw invalid(`${name} must be a whole number from ${min} to ${max}`);
  }
  return chosen;
}

export function stripeSettings(options: StripeProviderOptions): StripeSettings {
  const secretKey = required(options.secretKey, 'secretKey');
  const webhookSecret = required(options.webhookSecret, 'webhookSecret');
  const timeout = wholeNumber(options.timeoutMs, 'timeoutMs', 1, 600_000, 10_000);
  const maxNetworkRetries = wholeNumber(options.maxNetworkRetries, 'maxNetworkRetries', 0, 5, 0);
  return {
    secretKey,
    webhookSecret,
    sdk: { ...endpoint(options.apiUrl ?? STRIPE_API_URL), timeout, maxNetworkRetries, telemetry: false },
    now: options.now ?? Date.now,
  };
}
