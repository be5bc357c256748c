export { type DatabaseConfig, type DatabaseConfigInput, resolveDatabaseConfig } from './config';
export { redactUrl, withDatabaseName } from './connection-url';
export { DatabaseConfigError, EmbeddedPostgresError } from './errors';
export type { DatabaseLogger } from './logger';
export { MigrationChecksumError, MigrationError, MigrationFailedError } from './migrator/errors';
export { MIGRATION_LOCK_KEY, type MigrateOptions, migrate } from './migrator/migrate';
export { type OpenDatabaseOptions, type OpenedDatabase, openDatabase } from './open-database';
export { defaultMigrationsDir, repoRoot } from './paths';
export { isDatabaseUnavailable } from './unavailable';
