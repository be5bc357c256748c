import type { Kysely } from 'kysely';
import type pg from 'pg';
import { type DatabaseConfigInput, resolveDatabaseConfig } from './config';
import { redactUrl } from './connection-url';
import { startEmbeddedPostgres } from './embedded/embedded-postgres';
import { consoleLogger, type DatabaseLogger } from './logger';
import { createPool } from './pool';

export interface OpenDatabaseOptions extends DatabaseConfigInput {
  logger?: DatabaseLogger;
}

export interface OpenedDatabase<DB> {
  db: Kysely<DB>;
  pool: pg.Pool;
  /** The server's URL with the password replaced by `***`: safe to log. */
  url: string;
  /** Ends the pool and stops the embedded server if this call started it. Idempotent. */
  close(): Promise<void>;
}

/**
 * Opens the application database: a pg pool to `DATABASE_URL`, or, when it is unset, to an embedded
 * PostgreSQL with its data in `.data/postgres` (port `EMBEDDED_PG_PORT`, default 54329).
 * Pool size: `DATABASE_POOL_MAX` (default 10). Timeouts: see `createPool` and the README.
 *
 * @example
 * const { db, close } = await openDatabase<Database>();
 * process.on('SIGTERM', () => void close());
 */
export async function openDatabase<DB = Record<string, never>>(
  options: OpenDatabaseOptions = {},
): Promise<OpenedDatabase<DB>> {
  const started = performance.now();
  const logger = options.logger ?? consoleLogger;
  const config = resolveDatabaseConfig(options);
  const { url, server } =
    config.url !== undefined
      ? { url: config.url, server: undefined }
      : await startEmbedded(config.embeddedDataDir, config.embeddedPort, logger);

  const { pool, db } = createPool<DB>(url, config, (error) =>
    logger.warn(`database: idle connection lost: ${error.message}`),
  );

  const kind = server
    ? server.owned
      ? 'embedded PostgreSQL'
      : 'embedded PostgreSQL (reused)'
    : 'DATABASE_URL';
  const ms = Math.round(performance.now() - started);
  logger.info(`database: ${kind} ${redactUrl(url)} (pool max ${config.poolMax}) ready in ${ms} ms`);

  let closing: Promise<void> | undefined;
  return {
    db,
    pool,
    url: redactUrl(url),
    close: () => {
      closing ??= (async () => {
        await db.destroy();
        // Kysely only ends a pool it has used; ours may have served only raw pool queries.
        if (!pool.ending) await pool.end();
        await server?.stop();
      })();
      return closing;
    },
  };
}

async function startEmbedded(dataDir: string, port: number, logger: DatabaseLogger) {
  const server = await startEmbeddedPostgres({ dataDir, port, logger });
  return { url: server.url, server };
}
