import { envReader } from '@hero-onboarding/env';
import { isPostgresUrl } from './connection-url';
import { DatabaseConfigError } from './errors';
import { defaultEmbeddedDataDir } from './paths';

export interface DatabaseConfig {
  /** Set: connect to this server. Unset: run the embedded server. */
  url: string | undefined;
  poolMax: number;
  embeddedDataDir: string;
  embeddedPort: number;
  /** Per-connection `lock_timeout` / `statement_timeout` (ms): a stuck lock or query fails fast instead of hanging a request. */
  lockTimeoutMs: number;
  statementTimeoutMs: number;
  /**
   * Client-side limits, for when the server itself does not answer (frozen, partitioned), which no server
   * setting can catch: how long a caller waits for a pooled connection (including opening a new one), and
   * how long one query may go unanswered before its connection is destroyed.
   */
  connectTimeoutMs: number;
  queryTimeoutMs: number;
}

export interface DatabaseConfigInput {
  url?: string;
  poolMax?: number;
  embedded?: { dataDir?: string; port?: number };
  env?: Readonly<Record<string, string | undefined>>;
}

/** Explicit options win over the environment, which wins over the defaults. */
export function resolveDatabaseConfig(input: DatabaseConfigInput): DatabaseConfig {
  const env = envReader(input.env ?? process.env);
  const url = input.url ?? env.string('DATABASE_URL');
  if (url !== undefined && !isPostgresUrl(url)) {
    throw new DatabaseConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// URL');
  }
  const timeout = (name: string, fallback: number) => env.int(name, fallback, { min: 1, max: 3_600_000 });
  return {
    url,
    poolMax: input.poolMax ?? env.int('DATABASE_POOL_MAX', 10, { min: 1, max: 1000 }),
    embeddedDataDir: input.embedded?.dataDir ?? env.string('EMBEDDED_PG_DATA_DIR') ?? defaultEmbeddedDataDir,
    embeddedPort: input.embedded?.port ?? env.int('EMBEDDED_PG_PORT', 54329, { min: 1, max: 65535 }),
    lockTimeoutMs: env.int('DATABASE_LOCK_TIMEOUT_MS', 2_000, { max: 3_600_000 }),
    statementTimeoutMs: env.int('DATABASE_STATEMENT_TIMEOUT_MS', 2_500, { max: 3_600_000 }),
    connectTimeoutMs: timeout('DATABASE_CONNECT_TIMEOUT_MS', 2_000),
    queryTimeoutMs: timeout('DATABASE_QUERY_TIMEOUT_MS', 3_000),
  };
}

/**
 * Session settings every application connection starts with (pg's `options` startup parameter):
 * a request that meets a locked table fails with 55P03 (a 503) instead of hanging. The migrator
 * lifts them on its own connection, where waiting is the point.
 */
export function sessionOptions(config: Pick<DatabaseConfig, 'lockTimeoutMs' | 'statementTimeoutMs'>): string {
  return `-c lock_timeout=${config.lockTimeoutMs} -c statement_timeout=${config.statementTimeoutMs}`;
}
