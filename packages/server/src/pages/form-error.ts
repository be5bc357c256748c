import type { Context } from 'hono';
import type { AppError } from '../http/errors';
import type { FormError } from './fields';

/**
 * A service's refusal as a form shows it: the field it is about (from the error's `field` detail, or the
 * form's own mapping of error codes to fields), its message, and its headers (`Retry-After`) on the answer.
 */
export function formErrorOf(
  c: Context,
  error: AppError,
  fieldsByCode: Record<string, string> = {},
): FormError {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  const detail = error.details.field;
  return {
    code: error.code,
    message: error.message,
    field: fieldsByCode[error.code] ?? (typeof detail === 'string' ? detail : undefined),
  };
}
