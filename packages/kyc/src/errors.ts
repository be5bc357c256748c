/**
 * Why a call to the KYC provider failed. The port owns these kinds: every adapter maps its provider's
 * answers onto them, so the server never imports an adapter's own error type. For iDenfy:
 * - `invalid_config` / `invalid_request`: refused locally, nothing was sent.
 * - `unauthorized`: 401/403, wrong API key or secret.
 * - `duplicate_client_id`: 409, the client id already has an active token; mint with a fresh suffix.
 * - `rate_limited`: 429; `retryAfterSeconds` when iDenfy said.
 * - `rejected`: any other 4xx; `identifier` is iDenfy's error code (BAD_VALUE, ...).
 * - `unavailable`: 5xx. `timeout`, `network`: no answer. A token call that timed out may still
 *   have minted (and billed) a token.
 * - `bad_response`: a 2xx whose body does not match the contract.
 */
export type KycProviderErrorKind =
  | 'invalid_config'
  | 'invalid_request'
  | 'unauthorized'
  | 'duplicate_client_id'
  | 'rate_limited'
  | 'rejected'
  | 'unavailable'
  | 'timeout'
  | 'network'
  | 'bad_response';

export interface KycProviderErrorDetails {
  status?: number;
  identifier?: string;
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * The one error type of the KYC port (thrown by every adapter). Messages carry the endpoint, HTTP status and
 * iDenfy's identifier — never keys, tokens or personal data — so they are safe to log.
 */
export class KycProviderError extends Error {
  override readonly name = 'KycProviderError';
  readonly status: number | undefined;
  readonly identifier: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly kind: KycProviderErrorKind,
    message: string,
    details: KycProviderErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.identifier = details.identifier;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}
