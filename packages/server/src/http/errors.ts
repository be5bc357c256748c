import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every machine-readable error code the HTTP API answers with. */
export type ErrorCode =
  | 'invalid_json'
  | 'invalid_request'
  | 'invalid_email'
  | 'invalid_code'
  | 'code_expired'
  | 'code_locked'
  | 'rate_limited'
  | 'unauthenticated'
  | 'forbidden'
  | 'cross_site_request'
  | 'unsupported_media_type'
  | 'challenge_required'
  | 'conflict'
  | 'not_found'
  | 'payload_too_large'
  | 'invalid_signature'
  | 'malformed_webhook'
  | 'kyc_not_resettable'
  | 'kyc_provider_error'
  | 'kyc_required'
  | 'invalid_amount'
  | 'invalid_currency'
  | 'invalid_provider'
  | 'payment_provider_error'
  | 'delivery_failed'
  | 'service_unavailable'
  | 'internal';

/**
 * The one error type route and service code throws; `app.onError` turns it into
 * `{ error: { code, message } }` (or an HTML page for browsers). Messages are shown to clients,
 * so they never contain personal data or secrets.
 */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new AppError(400, code, message, {}, details);
export const unauthenticated = (message = 'Sign in first.') => new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'This needs an admin.') => new AppError(403, 'forbidden', message);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new AppError(429, 'rate_limited', message, { 'Retry-After': String(retryAfterSeconds) });
export const serviceUnavailable = (message: string, retryAfterSeconds = 5) =>
  new AppError(503, 'service_unavailable', message, { 'Retry-After': String(retryAfterSeconds) });
