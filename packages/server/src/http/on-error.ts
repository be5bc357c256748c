import { isDatabaseUnavailable } from '@hero-onboarding/db';
import { GeneratedRepositoryError, ValidationError } from '@hero-onboarding/generated/onboarding';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../context';
import { renderErrorPage } from '../pages/error-answer';
import { AppError, type ErrorCode } from './errors';
import { wantsHtml } from './negotiate';

// Expected outages, logged where they happen; anything else at 5xx is our bug and logged here.
const PROVIDER_OR_DATABASE = new Set<ErrorCode>([
  'service_unavailable',
  'kyc_provider_error',
  'payment_provider_error',
]);

/** The one place an error becomes a response: `{ error: { code, message } }`, or a page for browsers. */
export function toErrorResponse(error: Error, c: Context<AppEnv>) {
  const appError = classify(error);
  if (appError.status >= 500 && !PROVIDER_OR_DATABASE.has(appError.code)) {
    c.get('deps')?.logger.error('unhandled error', {
      path: c.req.path,
      error: { name: error.name, message: error.message },
    });
  }
  for (const [name, value] of Object.entries(appError.headers)) c.header(name, value);
  if (wantsHtml(c)) return renderErrorPage(c, appError);
  return c.json(
    { error: { code: appError.code, message: appError.message, ...appError.details } },
    appError.status,
  );
}

function classify(error: Error): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) {
    return new AppError(503, 'service_unavailable', 'The database is unavailable; try again shortly.', {
      'Retry-After': '5',
    });
  }
  if (isUnstorableText(error)) {
    return new AppError(
      400,
      'invalid_request',
      'The request contains characters that cannot be stored (such as NUL).',
    );
  }
  if (error instanceof ValidationError) {
    return new AppError(
      400,
      'invalid_request',
      error.message,
      {},
      { fields: error.errors.map((e) => e.field) },
    );
  }
  if (error instanceof GeneratedRepositoryError) return new AppError(400, 'invalid_request', error.message);
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 413) return new AppError(413, 'payload_too_large', 'The request body is too large.');
    if (status >= 400 && status < 500)
      return new AppError(status, 'invalid_request', error.message || 'Bad request.');
  }
  return new AppError(500, 'internal', 'Something went wrong on our side.');
}

/** Text Postgres refuses to hold (a NUL byte, say): the client's input, so a 400, never a 500. */
function isUnstorableText(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '22021' || code === '22P05';
}
