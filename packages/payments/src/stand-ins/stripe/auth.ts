import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { StripeApiError } from './errors';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

function presentedKey(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const bearer = /^Bearer (.+)$/i.exec(authorization);
  if (bearer) return bearer[1];
  // Stripe also takes the key as HTTP Basic's user name.
  const basic = /^Basic (.+)$/i.exec(authorization);
  if (!basic?.[1]) return undefined;
  return Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0];
}

/** Stripe's API key check; the key is never echoed back. Compared as digests, in constant time. */
export function apiKeyAuth(secretKey: string): MiddlewareHandler {
  const expected = digest(secretKey);
  return async (c, next) => {
    const key = presentedKey(c.req.header('authorization'));
    if (key === undefined || key === '') {
      throw new StripeApiError(
        401,
        undefined,
        'You did not provide an API key. Provide it in the Authorization header (Authorization: Bearer YOUR_SECRET_KEY).',
      );
    }
    if (!timingSafeEqual(digest(key), expected))
      throw new StripeApiError(401, undefined, 'Invalid API Key provided.');
    await next();
  };
}
