import { PaymentProviderError } from '@hero-onboarding/payments';
import { AppError } from '../http/errors';

/** Why a top-up failed at creation, as stored in `failure_reason`. */
export function creationFailureReason(error: unknown): 'provider_unavailable' | 'provider_refused' {
  return error instanceof PaymentProviderError && error.transient
    ? 'provider_unavailable'
    : 'provider_refused';
}

/**
 * Payment provider trouble as the API's one error type: 503 with Retry-After when the provider did not
 * answer (or was briefly unable to), 502 when it refused; never the provider's raw message, never a 500.
 */
export function paymentProviderFailure(error: unknown): AppError {
  if (error instanceof PaymentProviderError && error.transient) {
    const retryAfter = Math.min(Math.max(error.retryAfterSeconds ?? 10, 1), 300);
    return new AppError(
      503,
      'payment_provider_error',
      'The payment provider is not answering; nothing was charged. Try again shortly.',
      { 'Retry-After': String(retryAfter) },
    );
  }
  const kind = error instanceof PaymentProviderError ? ` (${error.kind})` : '';
  return new AppError(
    502,
    'payment_provider_error',
    `The payment provider refused to open a checkout${kind}; nothing was charged.`,
  );
}
