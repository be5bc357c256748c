import type { Database } from '@hero-onboarding/generated/onboarding';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';

/**
 * Holds `FOR UPDATE` locks on some rows, from a connection of its own, until `release()`: requests that
 * need those rows wait inside their transactions, so a test knows for certain they are in flight.
 */
export async function lockRows(
  databaseUrl: string,
  table: 'kyc_sessions' | 'top_ups',
  column: 'idenfy_scan_ref' | 'id',
  values: readonly string[],
) {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'test-row-locks' });
  // The test database is dropped with its connections forced closed: that must not crash the worker.
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('begin');
    const { rowCount } = await client.query(
      `select 1 from ${table} where ${column}::text = any($1::text[]) for update`,
      [values],
    );
    if (rowCount !== values.length) throw new Error(`locked ${rowCount} of ${values.length} ${table} rows`);
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    async release() {
      await client.query('rollback');
      await client.end();
    },
  };
}

/** Backends of this database waiting for a lock (a row lock, or a twin's unique key). */
export async function lockWaiters(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Backends of this database, other than the caller, still inside a statement or a transaction. */
export async function busyBackends(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and backend_type = 'client backend'
      and pid <> pg_backend_pid() and state <> 'idle'`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Polls `condition` every 20 ms until it holds; fails after `seconds` naming `what`. */
export async function until(what: string, condition: () => Promise<boolean> | boolean, seconds = 60) {
  const deadline = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
