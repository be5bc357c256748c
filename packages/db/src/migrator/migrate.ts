import type pg from 'pg';
import { type DatabaseLogger, silentLogger } from '../logger';
import { ensureBookkeeping, LEGACY_NAMESPACE } from './bookkeeping';
import { MigrationChecksumError, MigrationFailedError } from './errors';
import { type MigrationFile, readMigrationFiles } from './migration-files';

/**
 * Key of the session advisory lock that serialises migrators on one database: the first 8 bytes
 * of sha256("hero-onboarding:schema_migrations") as a signed 64-bit integer, so it is fixed and
 * unlikely to collide with another application's advisory locks in the same database.
 */
export const MIGRATION_LOCK_KEY = '6469453556048949769';

/** One namespace's migrations: `generated/<namespace>/migrations`. */
export interface NamespaceMigrations {
  readonly namespace: string;
  readonly dir: string;
}

export interface MigrateOptions {
  /** Directory of `*.sql` migration files, applied in name order. */
  dir: string;
  /** Whose migrations these are (default `onboarding`); each namespace has its own sequence. */
  namespace?: string;
  logger?: DatabaseLogger;
}

export interface AppliedMigration {
  readonly namespace: string;
  readonly name: string;
}

const NAMESPACE = /^[a-z][a-z0-9_]*$/;

/**
 * Applies the migrations of `dir` that are not yet recorded in `schema_migrations` for its namespace, each in
 * its own transaction, and returns the names it applied. See `migrateNamespaces` for the guarantees.
 * @example const applied = await migrate(pool, { dir: migrationsDir });
 */
export async function migrate(pool: pg.Pool, options: MigrateOptions): Promise<string[]> {
  const namespace = options.namespace ?? LEGACY_NAMESPACE;
  const applied = await migrateNamespaces(pool, [{ namespace, dir: options.dir }], options);
  return applied.map((a) => a.name);
}

/**
 * Applies every given namespace's pending migrations, namespace by namespace in the order given, each file in
 * its own transaction together with its `schema_migrations` row. Concurrent callers (several server processes
 * starting at once) queue on one advisory lock, so each file runs exactly once. Applied files of any given
 * namespace whose text changed stop the run (`MigrationChecksumError`) before anything is applied; a failing
 * file is rolled back and stops the run (`MigrationFailedError`).
 * @example await migrateNamespaces(pool, [{ namespace: 'onboarding', dir }, { namespace: 'audit', dir: auditDir }]);
 */
export async function migrateNamespaces(
  pool: pg.Pool,
  namespaces: readonly NamespaceMigrations[],
  options: { logger?: DatabaseLogger } = {},
): Promise<AppliedMigration[]> {
  const logger = options.logger ?? silentLogger;
  const seen = new Set<string>();
  for (const { namespace } of namespaces) {
    if (!NAMESPACE.test(namespace))
      throw new Error(`bad migration namespace '${namespace}': use [a-z][a-z0-9_]*`);
    if (seen.has(namespace)) throw new Error(`migration namespace '${namespace}' is given twice`);
    seen.add(namespace);
  }
  const files = await Promise.all(
    namespaces.map(async (ns) => ({ ...ns, files: await readMigrationFiles(ns.dir) })),
  );
  const client = await pool.connect();
  let clean = false;
  try {
    // Waiting for a peer's migrations (and running long DDL) is expected here: lift the pool's timeouts.
    await client.query('set lock_timeout = 0; set statement_timeout = 0');
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    if ((await ensureBookkeeping(client)) === 'upgraded')
      logger.info(
        `database: schema_migrations now records a namespace; earlier rows are ${LEGACY_NAMESPACE}'s`,
      );
    const applied = await applyPending(client, files, logger);
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
  namespaces: readonly (NamespaceMigrations & { files: MigrationFile[] })[],
  logger: DatabaseLogger,
): Promise<AppliedMigration[]> {
  const { rows } = await client.query<{ namespace: string; name: string; checksum: string }>(
    'select namespace, name, checksum from schema_migrations where namespace = any($1)',
    [namespaces.map((n) => n.namespace)],
  );
  const applied = new Map(rows.map((row) => [`${row.namespace}/${row.name}`, row.checksum]));

  // Refuse before applying anything: a run must not half-apply on top of an edited history.
  for (const { namespace, files } of namespaces) {
    for (const file of files) {
      const recorded = applied.get(`${namespace}/${file.name}`);
      if (recorded !== undefined && recorded !== file.checksum)
        throw new MigrationChecksumError(file.name, namespace);
    }
  }
  for (const { namespace, dir, files } of namespaces) {
    const present = new Set(files.map((file) => file.name));
    const unknown = rows.filter((r) => r.namespace === namespace && !present.has(r.name)).map((r) => r.name);
    // An older build starting against a newer database (e.g. during a rolling deploy) sees this.
    if (unknown.length > 0)
      logger.warn(`database: applied ${namespace} migrations missing from ${dir}: ${unknown.join(', ')}`);
  }

  const done: AppliedMigration[] = [];
  for (const { namespace, files } of namespaces) {
    for (const file of files) {
      if (applied.has(`${namespace}/${file.name}`)) continue;
      const started = performance.now();
      await applyOne(client, namespace, file);
      logger.info(
        `database: applied ${namespace}/${file.name} in ${Math.round(performance.now() - started)} ms`,
      );
      done.push({ namespace, name: file.name });
    }
  }
  return done;
}

async function applyOne(client: pg.PoolClient, namespace: string, file: MigrationFile): Promise<void> {
  try {
    await client.query('begin');
    await client.query(file.sql);
    await client.query('insert into schema_migrations (namespace, name, checksum) values ($1, $2, $3)', [
      namespace,
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
      namespace,
    );
  }
}
