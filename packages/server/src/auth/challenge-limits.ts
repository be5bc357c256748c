import type { Database } from '@hero-onboarding/generated/onboarding';
import type { Transaction } from 'kysely';
import type { AuthConfig } from '../config';

interface Limit {
  readonly max: number;
  readonly where: { readonly email?: string; readonly ip?: string };
  readonly message: string;
}

type LimitConfig = Pick<
  AuthConfig,
  'rateWindowSeconds' | 'maxChallengesPerEmailAndIp' | 'maxChallengesPerEmail' | 'maxChallengesPerIp'
>;

/**
 * The sliding-window limits on asking for codes, shaped so a stranger cannot lock the owner out: one
 * client (an address from one IP) gets a few; the address as a whole, from every IP, a higher ceiling
 * (it bounds mail to one inbox and guesses at one address); one IP, across addresses, its own. Runs
 * under the caller's advisory locks, so the counts are exact. Undefined when the request may go on.
 */
export async function checkChallengeLimits(
  trx: Transaction<Database>,
  auth: LimitConfig,
  email: string,
  ip: string | undefined,
  now: Date,
): Promise<{ message: string; retryAfterSeconds: number } | undefined> {
  const since = new Date(now.getTime() - auth.rateWindowSeconds * 1000);
  const limits: Limit[] = [
    ...(ip === undefined
      ? []
      : [
          {
            max: auth.maxChallengesPerEmailAndIp,
            where: { email, ip },
            message: 'Too many codes asked for this address; wait and try again.',
          },
        ]),
    {
      max: auth.maxChallengesPerEmail,
      where: { email },
      message: 'Too many codes asked for this address; wait and try again.',
    },
    ...(ip === undefined
      ? []
      : [
          {
            max: auth.maxChallengesPerIp,
            where: { ip },
            message: 'Too many codes asked from this network; wait and try again.',
          },
        ]),
  ];
  for (const limit of limits) {
    let query = trx
      .selectFrom('login_challenges')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('created_at').as('oldest')])
      .where('created_at', '>=', since);
    if (limit.where.email !== undefined) query = query.where('email', '=', limit.where.email);
    if (limit.where.ip !== undefined) query = query.where('requested_ip', '=', limit.where.ip);
    const recent = await query.executeTakeFirstOrThrow();
    if (Number(recent.n) >= limit.max) {
      return {
        message: limit.message,
        retryAfterSeconds: retryAfter(recent.oldest, auth.rateWindowSeconds, now),
      };
    }
  }
  return undefined;
}

function retryAfter(oldest: Date | string | null, windowSeconds: number, now: Date): number {
  if (oldest === null) return windowSeconds;
  const freeAt = new Date(oldest).getTime() + windowSeconds * 1000;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
}
