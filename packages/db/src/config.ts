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
}

export interface DatabaseConfigInput {
  url?: string;
  poolMax?: number;
  embedded?: { dataDir?: string; port?: number };
  env?: Readonly<Record<string, string | undefined>>;
}

/** Explicit options win over the environment, which wins over the defaults. */
export function resolveDatabaseConfig(input: DatabaseConfigInput): DatabaseConfig {
  const env = input.env ?? process.env;
  const url = input.url ?? nonEmpty(env.DATABASE_URL);
  if (url !== undefined && !isPostgresUrl(url)) {
    throw new DatabaseConfigError('DATABASE_URL', 'DATABASE_URL is not a postgres:// or postgresql:// URL');
  }
  return {
    url,
    poolMax: input.poolMax ?? integerSetting(env, 'DATABASE_POOL_MAX', 10, 1, 1000),
    embeddedDataDir: input.embedded?.dataDir ?? defaultEmbeddedDataDir,
    embeddedPort: input.embedded?.port ?? integerSetting(env, 'EMBEDDED_PG_PORT', 54329, 1, 65535),
    lockTimeoutMs: integerSetting(env, 'DATABASE_LOCK_TIMEOUT_MS', 5_000, 0, 3_600_000),
    statementTimeoutMs: integerSetting(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 30_000, 0, 3_600_000),
  };
}

function integerSetting(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new DatabaseConfigError(name, `${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Session settings every application connection starts with (pg's `options` startup parameter):
 * a request that meets a locked table fails with 55P03 (a 503) instead of hanging. The migrator
 * lifts them on its own connection, where waiting is the point.
 */
export function sessionOptions(config: Pick<DatabaseConfig, 'lockTimeoutMs' | 'statementTimeoutMs'>): string {
  return `-c lock_timeout=${config.lockTimeoutMs} -c statement_timeout=${config.statementTimeoutMs}`;
}
