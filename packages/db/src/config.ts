import { isPostgresUrl } from './connection-url';
import { DatabaseConfigError } from './errors';
import { defaultEmbeddedDataDir } from './paths';

export interface DatabaseConfig {
  /** Set: connect to this server. Unset: run the embedded server. */
  url: string | undefined;
  poolMax: number;
  embeddedDataDir: string;
  embeddedPort: number;
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
