export { type DatabaseConfig, type DatabaseConfigInput, resolveDatabaseConfig } from './config';
export { redactUrl, withDatabaseName } from './connection-url';
export { DatabaseConfigError, EmbeddedPostgresError } from './errors';
export type { DatabaseLogger } from './logger';
export { LEGACY_NAMESPACE } from './migrator/bookkeeping';
export { MigrationChecksumError, MigrationError, MigrationFailedError } from './migrator/errors';
export {
  type AppliedMigration,
  MIGRATION_LOCK_KEY,
  type MigrateOptions,
  migrate,
  migrateNamespaces,
  type NamespaceMigrations,
} from './migrator/migrate';
export { type OpenDatabaseOptions, type OpenedDatabase, openDatabase } from './open-database';
export { defaultMigrationsDir, generatedNamespaces, repoRoot } from './paths';
export { createPool, type PoolSettings } from './pool';
export { QueryDeadlineError, withQueryDeadline } from './query-deadline';
export { isDatabaseUnavailable } from './unavailable';
