import { loginChallengeRepository } from '@hero-onboarding/generated/onboarding';
import { sql } from 'kysely';
import type { AuthDeps } from '../context';
import { AppError, tooManyRequests } from '../http/errors';
import { keyedHash, newLoginCode } from './secrets';

interface RateLimit {
  readonly column: 'email' | 'requested_ip';
  readonly value: string;
  readonly max: number;
  readonly message: string;
}

export interface ChallengeIssued {
  readonly expiresInSeconds: number;
  /** Only in dev mode, so scripts can sign in without a mailbox. */
  readonly devCode?: string;
}

/**
 * Issues a one-time code for an email. Rate limits are counted in Postgres, under a per-email advisory
 * lock, so several server processes enforce one limit together.
 */
export async function issueChallenge(
  deps: AuthDeps,
  email: string,
  ip: string | undefined,
): Promise<ChallengeIssued> {
  const { db, config } = deps;
  const { auth } = config;
  const now = deps.now();
  const since = new Date(now.getTime() - auth.rateWindowSeconds * 1000);
  const code = newLoginCode();

  const challenge = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`login-challenge:${email}`}))`.execute(trx);
    const limits: RateLimit[] = [
      {
        column: 'email',
        value: email,
        max: auth.maxChallengesPerEmail,
        message: 'Too many codes asked for this address; wait and try again.',
      },
      ...(ip === undefined
        ? []
        : [
            {
              column: 'requested_ip' as const,
              value: ip,
              max: auth.maxChallengesPerIp,
              message: 'Too many codes asked from this network; wait and try again.',
            },
          ]),
    ];
    for (const limit of limits) {
      const recent = await trx
        .selectFrom('login_challenges')
        .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('created_at').as('oldest')])
        .where(limit.column, '=', limit.value)
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow();
      if (Number(recent.n) >= limit.max) {
        throw tooManyRequests(limit.message, retryAfter(recent.oldest, auth.rateWindowSeconds, now));
      }
    }
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
    const { name, code, responseCode } = error as { name?: string; code?: string; responseCode?: number };
    deps.logger.error('sign-in code delivery failed', {
      channel: deps.codeSender.channel,
      name,
      code,
      responseCode,
    });
    throw new AppError(502, 'delivery_failed', 'The sign-in code could not be sent; try again shortly.');
  }
  return config.devMode
    ? { expiresInSeconds: auth.codeTtlSeconds, devCode: code }
    : { expiresInSeconds: auth.codeTtlSeconds };
}

function retryAfter(oldest: Date | string | null, windowSeconds: number, now: Date): number {
  if (oldest === null) return windowSeconds;
  const freeAt = new Date(oldest).getTime() + windowSeconds * 1000;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
}
