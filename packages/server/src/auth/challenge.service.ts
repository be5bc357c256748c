import { type Database, loginChallengeRepository } from '@hero-onboarding/generated/onboarding';
import { sql, type Transaction } from 'kysely';
import type { AuthDeps } from '../context';
import { AppError, tooManyRequests } from '../http/errors';
import { checkChallengeLimits } from './challenge-limits';
import { keyedHash, newLoginCode } from './secrets';

export interface ChallengeIssued {
  /** Binds /login/verify to this challenge (the `hero_login` cookie, or `challenge_id` for API clients). */
  readonly challengeId: string;
  readonly expiresInSeconds: number;
  /** Only in dev mode, so scripts can sign in without a mailbox. */
  readonly devCode?: string;
}

/**
 * Issues a one-time code for an email. A new challenge never touches earlier ones: each is verified on
 * its own (see verify.service.ts), so asking for codes cannot kill the owner's live code. The limits are
 * counted in Postgres under advisory locks on the IP and the address, so every server process enforces
 * one limit, exactly.
 */
export async function issueChallenge(
  deps: AuthDeps,
  email: string,
  ip: string | undefined,
): Promise<ChallengeIssued> {
  const { db, config } = deps;
  const { auth } = config;
  const now = deps.now();
  const code = newLoginCode();

  const challenge = await db.transaction().execute(async (trx) => {
    // Always the IP's lock before the address's: one order everywhere, so two requests never deadlock.
    if (ip !== undefined) await advisoryLock(trx, `login-challenge:ip:${ip}`);
    await advisoryLock(trx, `login-challenge:email:${email}`);
    const limited = await checkChallengeLimits(trx, auth, email, ip, now);
    if (limited !== undefined) throw tooManyRequests(limited.message, limited.retryAfterSeconds);
    return loginChallengeRepository.create(trx, {
      email,
      code_hash: keyedHash(auth.sessionSecret, 'login-code', email, code),
      expires_at: new Date(now.getTime() + auth.codeTtlSeconds * 1000),
      requested_ip: ip ?? null,
    });
  });

  try {
    await deps.codeSender.send({ to: email, code, expiresInSeconds: auth.codeTtlSeconds });
  } catch (error) {
    // An undelivered code is useless and must not count against the user's limit.
    await loginChallengeRepository.delete(db, challenge.id);
    // Mail servers echo the recipient in their messages: log what kind of failure it was, not the text.
    const {
      name,
      code: errorCode,
      responseCode,
    } = error as {
      name?: string;
      code?: string;
      responseCode?: number;
    };
    deps.logger.error('sign-in code delivery failed', {
      channel: deps.codeSender.channel,
      error_name: name,
      error_code: errorCode,
      smtp_status: responseCode,
    });
    throw new AppError(502, 'delivery_failed', 'The sign-in code could not be sent; try again shortly.');
  }
  const issued = { challengeId: challenge.id, expiresInSeconds: auth.codeTtlSeconds };
  return config.devMode ? { ...issued, devCode: code } : issued;
}

async function advisoryLock(trx: Transaction<Database>, key: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}
