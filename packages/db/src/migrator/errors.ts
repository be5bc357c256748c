import { LEGACY_NAMESPACE } from './bookkeeping';

/** A migration run stopped; `file` names the migration file it stopped at, `namespace` whose file it is. */
export class MigrationError extends Error {
  override readonly name: string = 'MigrationError';
  constructor(
    readonly file: string,
    message: string,
    options?: ErrorOptions,
    readonly namespace: string = LEGACY_NAMESPACE,
  ) {
    super(message, options);
  }
}

/** The SQL of `file` failed; its transaction was rolled back and later files were not run. */
export class MigrationFailedError extends MigrationError {
  override readonly name = 'MigrationFailedError';
  constructor(
    file: string,
    /** PostgreSQL's message (never the statement's parameters: migrations have none). */
    readonly pgMessage: string,
    /** SQLSTATE, when the failure came from the server. */
    readonly pgCode: string | undefined,
    cause?: unknown,
    namespace: string = LEGACY_NAMESPACE,
  ) {
    super(
      file,
      `migration ${namespace}/${file} failed and was rolled back: ${pgMessage}`,
      { cause },
      namespace,
    );
  }
}

/** `file` was applied before with different contents; applied migrations must never change. */
export class MigrationChecksumError extends MigrationError {
  override readonly name = 'MigrationChecksumError';
  constructor(file: string, namespace: string = LEGACY_NAMESPACE) {
    super(
      file,
      `migration ${namespace}/${file} was changed after it was applied (checksum differs); ` +
        'add a new migration instead of editing an applied one',
      undefined,
      namespace,
    );
  }
}
