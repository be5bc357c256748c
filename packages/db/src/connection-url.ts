const SECRET_PARAM = /pass|secret|token|key/i;

/**
 * The URL with its password (and any password-like query parameter) replaced by `***`, for logs.
 * An unparseable URL is not echoed at all: it may hold a password in a shape we cannot find.
 *
 * @example redactUrl('postgres://app:s3cret@db:5432/app') // 'postgres://app:***@db:5432/app'
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '<unparseable database URL>';
  }
  // Without a host, "scheme:user:pass@x" parses as an opaque path that would be echoed whole.
  if (parsed.hostname === '') return '<unparseable database URL>';
  if (parsed.password) parsed.password = '***';
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, '***');
  }
  return parsed.toString().replaceAll('%2A%2A%2A', '***');
}

/** The same server and credentials, another database. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** True for a URL that `pg` can use: `postgres:` or `postgresql:` with a host. */
export function isPostgresUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'postgres:' || parsed.protocol === 'postgresql:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}
