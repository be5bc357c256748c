import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MigrationChecksumError, migrate, migrateNamespaces } from '../src/index';
import { checksum } from '../src/migrator/migration-files';
import { createTestDatabase, type TestDatabase } from '../src/testing/index';
import { removeTempDirs, tempDir } from './helpers';

let t: TestDatabase<Record<string, never>>;
beforeEach(async () => {
  t = await createTestDatabase({ migrationsDir: false });
});
afterEach(() => t.destroy());
afterAll(removeTempDirs);

const rows = async <T>(sql: string) => (await t.pool.query(sql)).rows as T[];
const recorded = () =>
  rows<{ namespace: string; name: string }>(
    'select namespace, name from schema_migrations order by namespace, name',
  );

// The table as every build before namespaces created it.
const LEGACY_TABLE = `create table schema_migrations (
  name text primary key,
  checksum text not null,
  applied_at timestamptz not null default now()
)`;

describe('migrations of several namespaces', () => {
  it('gives each namespace its own sequence: two 0001_init.sql files do not collide', async () => {
    const onboarding = await tempDir({ '0001_init.sql': 'create table people (id int);' });
    const audit = await tempDir({ '0001_init.sql': 'create table audit_entries (id int);' });
    const both = [
      { namespace: 'onboarding', dir: onboarding },
      { namespace: 'audit', dir: audit },
    ];
    expect(await migrateNamespaces(t.pool, both)).toEqual([
      { namespace: 'onboarding', name: '0001_init.sql' },
      { namespace: 'audit', name: '0001_init.sql' },
    ]);
    expect(await recorded()).toEqual([
      { namespace: 'audit', name: '0001_init.sql' },
      { namespace: 'onboarding', name: '0001_init.sql' },
    ]);
    expect(await migrateNamespaces(t.pool, both)).toEqual([]);

    await writeFile(path.join(audit, '0002_note.sql'), 'alter table audit_entries add column note text;');
    expect(await migrateNamespaces(t.pool, both)).toEqual([{ namespace: 'audit', name: '0002_note.sql' }]);
    // A caller that serves one namespace neither applies nor warns about another's files.
    expect(await migrate(t.pool, { dir: onboarding })).toEqual([]);
  });

  it('names the namespace of an edited migration and applies nothing from any namespace', async () => {
    const onboarding = await tempDir({ '0001_init.sql': 'create table people (id int);' });
    const audit = await tempDir({ '0001_init.sql': 'create table audit_entries (id int);' });
    await migrate(t.pool, { dir: audit, namespace: 'audit' });
    await writeFile(path.join(audit, '0001_init.sql'), 'create table audit_entries (id bigint);');
    const error = await migrateNamespaces(t.pool, [
      { namespace: 'onboarding', dir: onboarding },
      { namespace: 'audit', dir: audit },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationChecksumError);
    expect(error).toMatchObject({ namespace: 'audit', file: '0001_init.sql' });
    expect((error as Error).message).toContain('audit/0001_init.sql');
    expect(await recorded()).toEqual([{ namespace: 'audit', name: '0001_init.sql' }]);
  });

  it('refuses a malformed or repeated namespace before touching the database', async () => {
    const dir = await tempDir({ '0001_a.sql': 'create table a (id int);' });
    await expect(migrateNamespaces(t.pool, [{ namespace: 'Audit-Log', dir }])).rejects.toThrow(
      /bad migration namespace/,
    );
    await expect(
      migrateNamespaces(t.pool, [
        { namespace: 'audit', dir },
        { namespace: 'audit', dir },
      ]),
    ).rejects.toThrow(/given twice/);
    expect(await rows("select to_regclass('schema_migrations') as t")).toEqual([{ t: null }]);
  });
});

describe('a database migrated before namespaces existed', () => {
  const legacy = async (files: Record<string, string>) => {
    const dir = await tempDir(files);
    await t.pool.query(LEGACY_TABLE);
    for (const [name, sql] of Object.entries(files)) {
      await t.pool.query(sql);
      await t.pool.query('insert into schema_migrations (name, checksum) values ($1, $2)', [
        name,
        checksum(sql),
      ]);
    }
    return dir;
  };

  it('keeps working: its rows become onboarding rows, nothing is re-applied, and the key gains the namespace', async () => {
    const dir = await legacy({
      '0001_init.sql': 'create table people (id int);',
      '0002_add_email.sql': 'alter table people add column email text;',
    });
    await writeFile(path.join(dir, '0003_add_name.sql'), 'alter table people add column name text;');
    expect(await migrate(t.pool, { dir })).toEqual(['0003_add_name.sql']);
    expect(await recorded()).toEqual([
      { namespace: 'onboarding', name: '0001_init.sql' },
      { namespace: 'onboarding', name: '0002_add_email.sql' },
      { namespace: 'onboarding', name: '0003_add_name.sql' },
    ]);
    const key = await rows<{ columns: string }>(
      `select string_agg(a.attname, ',' order by k.ord) as columns
       from pg_constraint c cross join unnest(c.conkey) with ordinality as k(attnum, ord)
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
       where c.conrelid = 'schema_migrations'::regclass and c.contype = 'p'`,
    );
    expect(key).toEqual([{ columns: 'namespace,name' }]);

    // A second namespace may now reuse a file name onboarding already has.
    const audit = await tempDir({ '0001_init.sql': 'create table audit_entries (id int);' });
    expect(await migrate(t.pool, { dir: audit, namespace: 'audit' })).toEqual(['0001_init.sql']);
  });

  it('still takes the insert an older build makes during a rolling deploy (no namespace: onboarding)', async () => {
    const dir = await legacy({ '0001_init.sql': 'create table people (id int);' });
    await migrate(t.pool, { dir });
    await t.pool.query("insert into schema_migrations (name, checksum) values ('0002_old_build.sql', 'x')");
    expect(await recorded()).toContainEqual({ namespace: 'onboarding', name: '0002_old_build.sql' });
  });

  it('is upgraded once when two processes start against it at the same time', async () => {
    const dir = await legacy({ '0001_init.sql': 'create table people (id int);' });
    await writeFile(path.join(dir, '0002_more.sql'), 'create table more (id int);');
    const other = new pg.Pool({ connectionString: t.url });
    try {
      const results = await Promise.all([migrate(t.pool, { dir }), migrate(other, { dir })]);
      expect(results.sort((a, b) => a.length - b.length)).toEqual([[], ['0002_more.sql']]);
    } finally {
      await other.end();
    }
    expect((await recorded()).map((r) => r.name)).toEqual(['0001_init.sql', '0002_more.sql']);
  });
});
