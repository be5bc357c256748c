import { KycProviderError } from '@hero-onboarding/kyc';
import { AppError } from '../http/errors';

/** iDenfy trouble as the API's one error type: never the provider's raw message, never a 500. */
export function providerFailure(error: unknown): AppError {
  if (error instanceof KycProviderError) {
    switch (error.kind) {
      case 'rate_limited':
      case 'unavailable':
      case 'timeout':
      case 'network':
        return new AppError(
          503,
          'kyc_provider_error',
          'The identity provider is not answering; try again shortly.',
          {
            'Retry-After': '10',
          },
        );
      default:
        return new AppError(
          502,
          'kyc_provider_error',
          `The identity provider refused the request (${error.kind}).`,
        );
    }
  }
  return new AppError(502, 'kyc_provider_error', 'The identity provider could not be reached.');
}
