/**
 * Why a call to a payment provider failed, in the port's words (no provider's types leak to callers).
 * - `invalid_config` / `invalid_request`: refused locally, nothing was sent.
 * - `unauthorized`: the provider refused our credentials.
 * - `rejected`: any other refusal of the request (4xx); `code` is the provider's own error code when safe.
 * - `duplicate`: the provider says this checkout / reference already exists.
 * - `not_found`: a lookup for a reference the provider does not know.
 * - `rate_limited`: 429; `retryAfterSeconds` when the provider said.
 * - `unavailable`: 5xx. `timeout`, `network`: no answer (a create call may still have succeeded).
 * - `bad_response`: a 2xx whose body does not match the contract.
 */
export type PaymentProviderErrorKind =
  | 'invalid_config'
  | 'invalid_request'
  | 'unauthorized'
  | 'rejected'
  | 'duplicate'
  | 'not_found'
  | 'rate_limited'
  | 'unavailable'
  | 'timeout'
  | 'network'
  | 'bad_response';

export interface PaymentProviderErrorDetails {
  status?: number;
  code?: string;
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * The one error type of the payment port. Messages name the provider, the operation, the HTTP status and
 * the provider's error code — never keys, tokens, amounts tied to a person, or personal data — so they are
 * safe to log.
 */
export class PaymentProviderError extends Error {
  override readonly name = 'PaymentProviderError';
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly kind: PaymentProviderErrorKind,
    message: string,
    details: PaymentProviderErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  /** The provider did not answer or was briefly unable to: the same call may succeed later. */
  get transient(): boolean {
    return (
      this.kind === 'rate_limited' ||
      this.kind === 'unavailable' ||
      this.kind === 'timeout' ||
      this.kind === 'network'
    );
  }
}
