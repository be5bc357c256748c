/** A missing or malformed database setting; names the variable, never echoes its value. */
export class DatabaseConfigError extends Error {
  override readonly name = 'DatabaseConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

/** The embedded PostgreSQL server could not be initialised or started. */
export class EmbeddedPostgresError extends Error {
  override readonly name = 'EmbeddedPostgresError';
}
