import type pg from 'pg';
import { type DatabaseLogger, silentLogger } from '../logger';
import { MigrationChecksumError, MigrationFailedError } from './errors';
import { type MigrationFile, readMigrationFiles } from './migration-files';

/**
 * Key of the session advisory lock that serialises migrators on one database: the first 8 bytes
 * of sha256("hero-onboarding:schema_migrations") as a signed 64-bit integer, so it is fixed and
 * unlikely to collide with another application's advisory locks in the same database.
 */
export const MIGRATION_LOCK_KEY = '6469453556048949769';

export interface MigrateOptions {
  /** Directory of `*.sql` migration files, applied in name order. */
  dir: string;
  logger?: DatabaseLogger;
}

/**
 * Applies the migrations of `dir` that are not yet recorded in `schema_migrations`, each in its own
 * transaction, and returns the names it applied. Concurrent callers (several server processes
 * starting at once) queue on an advisory lock, so each file runs exactly once.
 *
 * Throws `MigrationChecksumError` when an applied file was edited, and `MigrationFailedError`
 * (after rolling that file back; later files are not run) when a file's SQL fails.
 *
 * @example const applied = await migrate(pool, { dir: migrationsDir });
 */
export async function migrate(pool: pg.Pool, options: MigrateOptions): Promise<string[]> {
  const logger = options.logger ?? silentLogger;
  const files = await readMigrationFiles(options.dir);
  const client = await pool.connect();
  let clean = false;
  try {
    // Waiting for a peer's migrations (and running long DDL) is expected here: lift the pool's timeouts.
    await client.query('set lock_timeout = 0; set statement_timeout = 0');
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await applyPending(client, files, options.dir, logger);
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    await client.query('reset lock_timeout; reset statement_timeout');
    clean = true;
    return applied;
  } finally {
    // After a failure the connection is discarded, not pooled: closing the session is what surely
    // releases a session-level advisory lock (and any transaction left open).
    client.release(!clean);
  }
}

async function applyPending(
  client: pg.PoolClient,
  files: MigrationFile[],
  dir: string,
  logger: DatabaseLogger,
): Promise<string[]> {
  await client.query(`create table if not exists schema_migrations (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`);
  const { rows } = await client.query<{ name: string; checksum: string }>(
    'select name, checksum from schema_migrations',
  );
  const applied = new Map(rows.map((row) => [row.name, row.checksum]));

  // Refuse before applying anything: a run must not half-apply on top of an edited history.
  for (const file of files) {
    const recorded = applied.get(file.name);
    if (recorded !== undefined && recorded !== file.checksum) throw new MigrationChecksumError(file.name);
  }
  const present = new Set(files.map((file) => file.name));
  const unknown = [...applied.keys()].filter((name) => !present.has(name));
  if (unknown.length > 0) {
    // An older build starting against a newer database (e.g. during a rolling deploy) sees this.
    logger.warn(`database: applied migrations missing from ${dir}: ${unknown.join(', ')}`);
  }

  const done: string[] = [];
  for (const file of files) {
    if (applied.has(file.name)) continue;
    const started = performance.now();
    await applyOne(client, file);
    logger.info(`database: applied ${file.name} in ${Math.round(performance.now() - started)} ms`);
    done.push(file.name);
  }
  return done;
}

async function applyOne(client: pg.PoolClient, file: MigrationFile): Promise<void> {
  try {
    await client.query('begin');
    await client.query(file.sql);
    await client.query('insert into schema_migrations (name, checksum) values ($1, $2)', [
      file.name,
      file.checksum,
    ]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    const { message, code } = error as { message?: unknown; code?: unknown };
    throw new MigrationFailedError(
      file.name,
      typeof message === 'string' ? message : String(error),
      typeof code === 'string' ? code : undefined,
      error,
    );
  }
}
