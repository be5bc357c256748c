import { badRequest } from '../http/errors';

// Deliberately plain: one @, a dot in the domain, no spaces. Deliverability is proven by the code itself.
const EMAIL = /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u;

export function normalizeEmail(input: unknown): string {
  if (typeof input !== 'string')
    throw badRequest('invalid_email', '"email" is required and must be a string.');
  const email = input.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email))
    throw badRequest('invalid_email', '"email" is not a valid email address.');
  return email;
}
