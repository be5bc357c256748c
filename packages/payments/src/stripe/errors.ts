import Stripe from 'stripe';
import { PaymentProviderError } from '../errors';

// Stripe's error codes are snake_case constants; anything else is not echoed into a message.
const CODE = /^[a-z][a-z0-9_]{0,63}$/;

function retryAfter(headers: Record<string, string> | undefined): number | undefined {
  const value = headers?.['retry-after'];
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

function isTimeout(error: InstanceType<typeof Stripe.errors.StripeConnectionError>): boolean {
  const detail = error.detail as { code?: unknown } | undefined;
  return detail?.code === 'ETIMEDOUT';
}

/**
 * One SDK error -> the port's error. The message names the operation, status and Stripe's code only: Stripe's
 * own message can repeat request parameters (an email), so it is never kept.
 */
export function stripeError(operation: string, error: unknown): PaymentProviderError {
  if (error instanceof PaymentProviderError) return error;
  if (!(error instanceof Stripe.errors.StripeError)) {
    return new PaymentProviderError('bad_response', `Stripe ${operation} failed unexpectedly`, {
      cause: error,
    });
  }
  const status = error.statusCode;
  const code = typeof error.code === 'string' && CODE.test(error.code) ? error.code : undefined;
  const what = `Stripe ${operation}${status === undefined ? '' : ` answered HTTP ${status}`}${code ? ` (${code})` : ''}`;
  const details = {
    ...(status === undefined ? {} : { status }),
    ...(code === undefined ? {} : { code }),
  };
  if (error instanceof Stripe.errors.StripeConnectionError) {
    return isTimeout(error)
      ? new PaymentProviderError('timeout', `Stripe ${operation} did not answer in time`)
      : new PaymentProviderError('network', `Stripe ${operation} could not be reached`);
  }
  if (error instanceof Stripe.errors.StripeIdempotencyError || error.rawType === 'idempotency_error') {
    return new PaymentProviderError(
      'duplicate',
      `${what}: the idempotency key was used differently`,
      details,
    );
  }
  if (error instanceof Stripe.errors.StripeRateLimitError || status === 429) {
    const seconds = retryAfter(error.headers);
    return new PaymentProviderError('rate_limited', `${what}: rate limited`, {
      ...details,
      ...(seconds === undefined ? {} : { retryAfterSeconds: seconds }),
    });
  }
  if (status === 401 || status === 403) {
    return new PaymentProviderError('unauthorized', `${what}: check the secret key`, details);
  }
  if (status === 404) return new PaymentProviderError('not_found', `${what}: no such object`, details);
  if (status !== undefined && status >= 500) {
    return new PaymentProviderError('unavailable', `${what}: Stripe is unavailable`, details);
  }
  if (status !== undefined && status >= 400) {
    return new PaymentProviderError('rejected', `${what}: request rejected`, details);
  }
  // No status: a 2xx the SDK could not read (not JSON).
  return new PaymentProviderError('bad_response', `${what}: unreadable answer`, details);
}
