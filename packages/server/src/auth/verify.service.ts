import {
  authSessionRepository,
  billingRepository,
  type Database,
  type User,
  userRepository,
} from '@hero-onboarding/generated/onboarding';
import type { Transaction } from 'kysely';
import type { AuthDeps } from '../context';
import { AppError, badRequest } from '../http/errors';
import { isUuid } from '../http/ids';
import { roleOf } from './roles';
import { keyedHash, newSessionToken, sameHash } from './secrets';

export interface SignedIn {
  readonly user: User;
  /** The raw session token for the cookie; only its hash is stored. */
  readonly sessionToken: string;
  readonly expiresAt: Date;
}

const lockedError = () =>
  new AppError(429, 'code_locked', 'Too many wrong codes: this code is locked. Ask for a new one.');

/**
 * Checks a code against the one challenge the caller holds (`challengeId`, from the `hero_login` cookie
 * or the body), never "the newest for this address": a stranger asking for codes for the same address can
 * neither replace the owner's code nor spend its attempts. Wrong guesses are counted with a conditional
 * UPDATE, so parallel guesses cannot exceed the limit; a right code is consumed exactly once.
 */
export async function verifyCode(
  deps: AuthDeps,
  email: string,
  code: string,
  challengeId: string | undefined,
): Promise<SignedIn> {
  const { db, config } = deps;
  const { auth } = config;
  if (!/^\d{6}$/.test(code)) throw badRequest('invalid_code', 'The code is six digits.');
  if (challengeId === undefined)
    throw badRequest(
      'challenge_required',
      'Send the challenge_id from /login/challenge (browsers keep it in the hero_login cookie).',
    );
  const now = deps.now();

  // A foreign or malformed id reads as "no such challenge": the same answer as an expired one.
  const challenge = isUuid(challengeId)
    ? await db
        .selectFrom('login_challenges')
        .selectAll()
        .where('id', '=', challengeId)
        .where('email', '=', email)
        .executeTakeFirst()
    : undefined;
  if (challenge === undefined || challenge.consumed_at !== null || challenge.expires_at <= now) {
    throw badRequest('code_expired', 'There is no valid code for this sign-in; ask for a new one.');
  }
  if (challenge.attempts >= auth.maxCodeAttempts) throw lockedError();

  if (!sameHash(keyedHash(auth.sessionSecret, 'login-code', email, code), challenge.code_hash)) {
    const counted = await db
      .updateTable('login_challenges')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: now }))
      .where('id', '=', challenge.id)
      .where('attempts', '<', auth.maxCodeAttempts)
      .returning('attempts')
      .executeTakeFirst();
    if (counted === undefined || counted.attempts >= auth.maxCodeAttempts) throw lockedError();
    throw badRequest('invalid_code', 'That code is not right.', {
      attempts_left: auth.maxCodeAttempts - counted.attempts,
    });
  }

  return db.transaction().execute(async (trx) => {
    const consumed = await trx
      .updateTable('login_challenges')
      .set({ consumed_at: now, updated_at: now })
      .where('id', '=', challenge.id)
      .where('consumed_at', 'is', null)
      .where('attempts', '<', auth.maxCodeAttempts)
      .where('expires_at', '>', now)
      .returning('id')
      .executeTakeFirst();
    if (consumed === undefined)
      throw badRequest('code_expired', 'This code was already used; ask for a new one.');
    const user = await upsertUser(trx, email, roleOf(email, auth));
    const sessionToken = newSessionToken();
    const expiresAt = new Date(now.getTime() + auth.sessionTtlSeconds * 1000);
    await authSessionRepository.create(trx, {
      user_id: user.id,
      token_hash: keyedHash(auth.sessionSecret, 'session', sessionToken),
      expires_at: expiresAt,
    });
    return { user, sessionToken, expiresAt };
  });
}

/** Keeps the `role` column in line with ADMIN_EMAILS (requests derive the role themselves; see roles.ts). */
async function upsertUser(trx: Transaction<Database>, email: string, role: User['role']): Promise<User> {
  const existing = await userRepository.findByEmail(trx, email);
  if (existing !== undefined) {
    if (existing.role === role) return existing;
    return (await userRepository.update(trx, existing.id, { role })) ?? existing;
  }
  const user = await userRepository.create(trx, { email, role });
  await billingRepository.create(trx, { user_id: user.id });
  return user;
}
