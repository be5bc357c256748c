import { isDatabaseUnavailable } from '@hero-onboarding/db';
import {
  GeneratedRepositoryError,
  UniqueViolationError,
  ValidationError,
} from '@hero-onboarding/generated/onboarding';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../context';
import { renderErrorPage } from '../pages/error-answer';
import { AppError, serviceUnavailable } from './errors';
import { wantsHtml } from './negotiate';

/** The one place an error becomes a response: `{ error: { code, message } }`, or a page for browsers. */
export function toErrorResponse(error: Error, c: Context<AppEnv>) {
  const appError = classify(error);
  // A deliberate AppError (a 502 from the mail server, a provider's 503) was logged where it arose.
  if (appError.code === 'internal') {
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
    return serviceUnavailable('The database is unavailable; try again shortly.');
  }
  if (isUnstorableText(error)) {
    return new AppError(
      400,
      'invalid_request',
      'The request contains characters that cannot be stored (such as NUL).',
    );
  }
  // The generated errors name tables in their messages: clients get the field names only.
  if (error instanceof ValidationError) {
    const fields = [...new Set(error.errors.map((e) => e.field))];
    return new AppError(
      400,
      'invalid_request',
      `Invalid value for ${fields.map((f) => `"${f}"`).join(', ')}.`,
      {},
      { fields },
    );
  }
  if (error instanceof UniqueViolationError)
    return new AppError(409, 'conflict', 'That conflicts with something that already exists; try again.');
  if (error instanceof GeneratedRepositoryError)
    return new AppError(400, 'invalid_request', 'The request could not be applied.');
  if (isBadValue(error))
    return new AppError(400, 'invalid_request', 'The request contains a value of the wrong form.');
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 413) return new AppError(413, 'payload_too_large', 'The request body is too large.');
    if (status >= 400 && status < 500)
      return new AppError(status, 'invalid_request', error.message || 'Bad request.');
  }
  return new AppError(500, 'internal', 'Something went wrong on our side.');
}

/** Postgres's data exceptions (class 22: a malformed uuid, a number out of range) come from input. */
function isBadValue(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** Text Postgres refuses to hold (a NUL byte, say): the client's input, so a 400, never a 500. */
function isUnstorableText(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '22021' || code === '22P05';
}
