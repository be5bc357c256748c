import type { Database } from '@hero-onboarding/generated/onboarding';
import type { Kysely } from 'kysely';

/**
 * Every row a request could change, as one comparable string: a request that must change nothing
 * leaves it equal (timestamps included, so even a no-op UPDATE shows).
 */
export async function dbState(db: Kysely<Database>): Promise<string> {
  const tables = [
    'users',
    'login_challenges',
    'auth_sessions',
    'kyc_sessions',
    'webhook_events',
    'billings',
    'top_ups',
    'payment_events',
  ] as const;
  const rows = await Promise.all(tables.map((t) => db.selectFrom(t).selectAll().orderBy('id').execute()));
  return JSON.stringify(rows);
}
