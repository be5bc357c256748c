import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { resolveDatabaseConfig } from '../config';
import { withDatabaseName } from '../connection-url';
import { migrateNamespaces, type NamespaceMigrations } from '../migrator/migrate';
import { defaultMigrationsDir } from '../paths';
import { createPool } from '../pool';
import { ADMIN_URL_KEY } from './provided';

export interface CreateTestDatabaseOptions {
  /** Default: the repository's generated/onboarding/migrations, when it exists; `false`: none. */
  migrationsDir?: string | false;
  /** More namespaces to migrate after `migrationsDir` (which is the `onboarding` namespace). */
  namespaces?: readonly NamespaceMigrations[];
}

export interface TestDatabase<DB> {
  /** Full URL (with password) of the new database, e.g. for a child server process's DATABASE_URL. */
  url: string;
  name: string;
  pool: pg.Pool;
  db: Kysely<DB>;
  /** Empties every table except schema_migrations (for a clean slate between tests). */
  truncateAll(): Promise<void>;
  /** Closes the pool and drops the database (also ending connections others left open). Idempotent. */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database on the run's test server.
 *
 * @example
 * const t = await createTestDatabase<Database>();
 * afterAll(() => t.destroy());
 *
 * Without a type argument `db` is an untyped `Kysely<any>` (handy for raw-SQL tests); pass the
 * generated `Database` to have queries checked.
 */
// biome-ignore lint/suspicious/noExplicitAny: the untyped default is deliberate, see above.
export async function createTestDatabase<DB = any>(
  options: CreateTestDatabaseOptions = {},
): Promise<TestDatabase<DB>> {
  const adminUrl = inject(ADMIN_URL_KEY);
  if (!adminUrl) {
    throw new Error(
      'createTestDatabase: no test server; vitest.config.ts must list packages/db/src/testing/global-setup.ts in globalSetup',
    );
  }
  const name = `test_${randomBytes(8).toString('hex')}`;
  await admin(adminUrl, `create database ${name}`);
  const url = withDatabaseName(adminUrl, name);
  // The same timeouts as the application's pool (server and client side), so tests meet them too.
  // Tests that stop or terminate the server on purpose must not crash the worker: errors are ignored.
  const { pool, db } = createPool<DB>(url, { ...resolveDatabaseConfig({}), poolMax: 10 }, () => {});

  let destroying: Promise<void> | undefined;
  const destroy = () => {
    destroying ??= (async () => {
      await db.destroy();
      // Kysely only ends a pool it has used; tests often use the pool directly.
      if (!pool.ending) await pool.end();
      await admin(adminUrl, `drop database if exists ${name} with (force)`);
    })();
    return destroying;
  };

  const migrationsDir = options.migrationsDir ?? (existsSync(defaultMigrationsDir) && defaultMigrationsDir);
  const namespaces = [
    ...(migrationsDir ? [{ namespace: 'onboarding', dir: migrationsDir }] : []),
    ...(options.namespaces ?? []),
  ];
  try {
    if (namespaces.length > 0) await migrateNamespaces(pool, namespaces);
  } catch (error) {
    await destroy();
    throw error;
  }
  return { url, name, pool, db, truncateAll: () => truncateAll(pool), destroy };
}

async function truncateAll(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ name: string }>(
    `select format('%I.%I', schemaname, tablename) as name from pg_tables
     where schemaname not in ('pg_catalog', 'information_schema') and tablename <> 'schema_migrations'`,
  );
  if (rows.length > 0)
    await pool.query(`truncate ${rows.map((row) => row.name).join(', ')} restart identity cascade`);
}

async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}
