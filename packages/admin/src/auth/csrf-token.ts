import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token every signed-in form carries: an HMAC of the admin's session, so it needs no storage, is
 * different for every session, and a page on another site cannot know it (on top of the Origin check).
 */
export function csrfTokenFor(secret: string, session: string): string {
  return createHmac('sha256', secret).update(`csrf:${session}`).digest('base64url');
}

export function isValidCsrfToken(secret: string, session: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(secret, session));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
