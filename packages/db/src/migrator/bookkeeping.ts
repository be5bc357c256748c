import type pg from 'pg';

/**
 * The namespace of rows written before schema_migrations had one: until then the migrator only ever served
 * `generated/onboarding/migrations`. It stays the column's default, so an older build that inserts without a
 * namespace during a rolling deploy still records its migrations correctly.
 */
export const LEGACY_NAMESPACE = 'onboarding';

/**
 * Creates `schema_migrations(namespace, name, checksum, applied_at)`, keyed by (namespace, name) so two
 * namespaces may both have a `0001_init.sql`, or upgrades the one-namespace table of older builds in one
 * transaction: its rows become `onboarding` rows and its key becomes (namespace, name). Run under the lock.
 */
export async function ensureBookkeeping(client: pg.PoolClient): Promise<'current' | 'upgraded'> {
  await client.query(`create table if not exists schema_migrations (
    namespace text not null default '${LEGACY_NAMESPACE}',
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now(),
    primary key (namespace, name)
  )`);
  const { rows } = await client.query(
    `select 1 from pg_attribute
     where attrelid = 'schema_migrations'::regclass and attname = 'namespace' and not attisdropped`,
  );
  if (rows.length > 0) return 'current';
  try {
    await client.query('begin');
    const key = await client.query<{ name: string }>(
      `select conname as name from pg_constraint where conrelid = 'schema_migrations'::regclass and contype = 'p'`,
    );
    await client.query(
      `alter table schema_migrations add column namespace text not null default '${LEGACY_NAMESPACE}'`,
    );
    for (const { name } of key.rows)
      await client.query(`alter table schema_migrations drop constraint "${name.replaceAll('"', '""')}"`);
    await client.query('alter table schema_migrations add primary key (namespace, name)');
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
  return 'upgraded';
}
