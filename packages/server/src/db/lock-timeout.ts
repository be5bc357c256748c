import type { Database } from '@hero-onboarding/generated/onboarding';
import { type Kysely, sql, type Transaction } from 'kysely';

/**
 * Runs a short claim (a lease, a status-check slot) with a lock timeout: if the row or table is locked
 * by something stuck, the caller gets 55P03 quickly (a 503 with Retry-After) instead of hanging.
 */
export async function withLockTimeout<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set local lock_timeout = '2s'`.execute(trx);
    return work(trx);
  });
}
