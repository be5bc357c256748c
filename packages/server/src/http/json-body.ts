import type { Context } from 'hono';
import { AppError, badRequest } from './errors';

/**
 * Reads a small JSON object body, or a form post from a browser; an empty body is `{}` whatever its
 * type says. Any other content type is a 415, bad JSON a 400 with a code, never a parser stack trace.
 */
export async function readObjectBody(c: Context): Promise<Record<string, unknown>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const text = await c.req.text(); // size-capped while streaming by http/body-limit.ts
  if (text.trim() === '') return {};
  if (type === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new AppError(
      415,
      'unsupported_media_type',
      'Send the body as application/json (or a form: application/x-www-form-urlencoded).',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest('invalid_json', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badRequest('invalid_request', 'The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** A required string field of a body, trimmed; a 400 naming the field otherwise. */
export function requireString(body: Record<string, unknown>, field: string, maxLength = 320): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw badRequest('invalid_request', `"${field}" is required and must be a non-empty string.`);
  }
  if (value.length > maxLength) throw badRequest('invalid_request', `"${field}" is too long.`);
  return value.trim();
}
