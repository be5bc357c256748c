import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from './errors';
import { toErrorResponse } from './on-error';

// Answered here rather than thrown: the limit trips inside the body stream, outside the handler chain.
const tooLarge = (c: Context) =>
  toErrorResponse(new AppError(413, 'payload_too_large', 'The request body is too large.'), c);

/**
 * Caps request bodies while they stream in (chunked ones too), so an oversized body is cut off at the
 * limit instead of being read into memory first. Webhooks may carry more than our own JSON routes.
 */
export function limitBodies(options: { jsonBytes: number; webhookBytes: number }): MiddlewareHandler {
  const small = bodyLimit({ maxSize: options.jsonBytes, onError: tooLarge });
  const large = bodyLimit({ maxSize: options.webhookBytes, onError: tooLarge });
  return function limitBodies(c, next) {
    return c.req.path.startsWith('/webhooks/') ? large(c, next) : small(c, next);
  };
}
