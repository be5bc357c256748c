/** A missing or malformed database setting: the one configuration error every package throws. */
export { ConfigError as DatabaseConfigError } from '@hero-onboarding/env';

/** The embedded PostgreSQL server could not be initialised or started. */
export class EmbeddedPostgresError extends Error {
  override readonly name = 'EmbeddedPostgresError';
}
