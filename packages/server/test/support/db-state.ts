import { type Database, metadata } from '@hero-onboarding/generated/onboarding';
import type { Kysely } from 'kysely';

/** Every table the schemas define, so a table added later is covered too. */
const TABLES = Object.values(metadata).map((m) => m.table) as (keyof Database)[];

/**
 * Every row a request could change, as one comparable string: a request that must change nothing
 * leaves it equal (timestamps included, so even a no-op UPDATE shows).
 */
export async function dbState(db: Kysely<Database>): Promise<string> {
  const rows = await Promise.all(TABLES.map((t) => db.selectFrom(t).selectAll().orderBy('id').execute()));
  return JSON.stringify(rows);
}
