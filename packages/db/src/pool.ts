import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type DatabaseConfig, sessionOptions } from './config';
import { withQueryDeadline } from './query-deadline';

export type PoolSettings = Pick<
  DatabaseConfig,
  'poolMax' | 'lockTimeoutMs' | 'statementTimeoutMs' | 'connectTimeoutMs' | 'queryTimeoutMs'
>;

/**
 * The pg pool and the Kysely instance over it, with every timeout that keeps a request from hanging:
 * lock and statement timeouts on the server, and on the client a bound on waiting for a connection
 * (`connectionTimeoutMillis` also covers opening one) and a deadline on every Kysely query. The raw
 * pool has no query deadline: the migrator uses it for waits that are meant to be long.
 */
export function createPool<DB>(
  url: string,
  settings: PoolSettings,
  onConnectionLost: (error: Error) => void,
): { pool: pg.Pool; db: Kysely<DB> } {
  const pool = new pg.Pool({
    connectionString: url,
    max: settings.poolMax,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    application_name: 'hero-onboarding',
    options: sessionOptions(settings),
  });
  // Without a listener, an idle client losing its server (restart, failover) crashes the process.
  pool.on('error', onConnectionLost);
  // The same for a client that is checked out (the pool listens only while it is idle): its query
  // fails on its own, and the 'error' event must not become an uncaught exception.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: withQueryDeadline(pool, settings.queryTimeoutMs) }),
  });
  return { pool, db };
}
