import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type StripeErrorType =
  | 'invalid_request_error'
  | 'api_error'
  | 'idempotency_error'
  | 'rate_limit_error';

/** An error answered in Stripe's shape: `{ error: { type, code?, message, param? } }`. */
export class StripeApiError extends Error {
  override readonly name = 'StripeApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string | undefined,
    message: string,
    readonly param?: string,
    readonly type: StripeErrorType = status >= 500 ? 'api_error' : 'invalid_request_error',
  ) {
    super(message);
  }

  body(): { error: Record<string, string> } {
    return {
      error: {
        type: this.type,
        ...(this.code === undefined ? {} : { code: this.code }),
        message: this.message,
        ...(this.param === undefined ? {} : { param: this.param }),
      },
    };
  }
}

/** What an injected status fault answers, as Stripe would. */
export function faultError(status: number): StripeApiError {
  switch (status) {
    case 401:
      return new StripeApiError(401, undefined, 'Invalid API Key provided.');
    case 403:
      return new StripeApiError(
        403,
        'secret_key_required',
        'The provided key does not have the required permissions.',
      );
    case 404:
      return new StripeApiError(404, 'resource_missing', 'No such checkout.session.', 'session');
    case 409:
      return new StripeApiError(409, 'lock_timeout', 'This object cannot be accessed right now.');
    case 429:
      return new StripeApiError(
        429,
        'rate_limit',
        'Too many requests hit the API too quickly.',
        undefined,
        'rate_limit_error',
      );
    case 400:
      return new StripeApiError(400, 'parameter_invalid', 'Invalid request (injected).');
    default:
      return new StripeApiError(
        status as ContentfulStatusCode,
        undefined,
        'An unknown error occurred (injected).',
      );
  }
}
