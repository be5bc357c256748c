import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MigrationChecksumError, MigrationFailedError, migrate } from '../src/index';
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
  rows<{ name: string; checksum: string }>('select name, checksum from schema_migrations order by name');

describe('migrate', () => {
  it('applies the .sql files in name order and records each with its checksum', async () => {
    const dir = await tempDir({
      '0010_third.sql': "insert into run_order (name) values ('0010');",
      '0002_second.sql':
        "alter table run_order add column note text; insert into run_order (name) values ('0002');",
      '0001_first.sql':
        "create table run_order (seq serial primary key, name text not null); insert into run_order (name) values ('0001');",
      'snapshot.json': '{}',
      'README.md': 'not a migration',
    });

    expect(await migrate(t.pool, { dir })).toEqual(['0001_first.sql', '0002_second.sql', '0010_third.sql']);

    expect(await rows('select name from run_order order by seq')).toEqual([
      { name: '0001' },
      { name: '0002' },
      { name: '0010' },
    ]);
    const records = await recorded();
    expect(records.map((r) => r.name)).toEqual(['0001_first.sql', '0002_second.sql', '0010_third.sql']);
    expect(records.every((r) => /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
  });

  it('applies nothing on a second run, and only the new file after one is added', async () => {
    const dir = await tempDir({ '0001_a.sql': 'create table a (id int);' });
    await migrate(t.pool, { dir });
    const [before] = await rows<{ applied_at: Date }>('select applied_at from schema_migrations');

    expect(await migrate(t.pool, { dir })).toEqual([]);
    const [after] = await rows<{ applied_at: Date }>('select applied_at from schema_migrations');
    expect(after).toEqual(before);

    await writeFile(path.join(dir, '0002_b.sql'), 'create table b (id int);');
    expect(await migrate(t.pool, { dir })).toEqual(['0002_b.sql']);
  });

  it('lets two concurrent migrators on two pools apply each file exactly once', async () => {
    await t.pool.query('create table side_effects (name text not null)');
    const dir = await tempDir({
      // The sleep holds the first migrator inside its run so the second one really overlaps it.
      '0001_slow.sql': "select pg_sleep(0.3); insert into side_effects values ('0001');",
      '0002_next.sql': "insert into side_effects values ('0002');",
    });
    const other = new pg.Pool({ connectionString: t.url });
    try {
      const results = await Promise.all([migrate(t.pool, { dir }), migrate(other, { dir })]);
      expect(results.sort((a, b) => a.length - b.length)).toEqual([[], ['0001_slow.sql', '0002_next.sql']]);
    } finally {
      await other.end();
    }
    expect(await rows('select name from side_effects order by name')).toEqual([
      { name: '0001' },
      { name: '0002' },
    ]);
    expect((await recorded()).map((r) => r.name)).toEqual(['0001_slow.sql', '0002_next.sql']);
  });

  it('rolls back a failing file, names it with the pg message, and stops there', async () => {
    const dir = await tempDir({
      '0001_ok.sql': 'create table ok (id int);',
      '0002_bad.sql': 'create table half_done (id int);\ninsert into no_such_table values (1);',
      '0003_later.sql': 'create table later (id int);',
    });

    const error = await migrate(t.pool, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    const failed = error as MigrationFailedError;
    expect(failed.file).toBe('0002_bad.sql');
    expect(failed.pgCode).toBe('42P01');
    expect(failed.message).toContain('0002_bad.sql');
    expect(failed.message).toContain('relation "no_such_table" does not exist');

    const tables = await rows<{ name: string }>(
      "select tablename as name from pg_tables where schemaname = 'public' order by 1",
    );
    expect(tables.map((r) => r.name)).toEqual(['ok', 'schema_migrations']);
    expect((await recorded()).map((r) => r.name)).toEqual(['0001_ok.sql']);

    await writeFile(path.join(dir, '0002_bad.sql'), 'create table half_done (id int);');
    expect(await migrate(t.pool, { dir })).toEqual(['0002_bad.sql', '0003_later.sql']);
  });

  it('refuses to run when an applied file was edited, before applying anything new', async () => {
    const dir = await tempDir({ '0001_a.sql': 'create table a (id int);' });
    await migrate(t.pool, { dir });
    await writeFile(path.join(dir, '0001_a.sql'), 'create table a (id bigint);');
    await writeFile(path.join(dir, '0002_b.sql'), 'create table b (id int);');

    const error = await migrate(t.pool, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationChecksumError);
    expect((error as MigrationChecksumError).file).toBe('0001_a.sql');
    expect((error as Error).message).toContain('0001_a.sql');
    expect((await recorded()).map((r) => r.name)).toEqual(['0001_a.sql']);
  });

  it('treats a CRLF checkout of an applied file as unchanged', async () => {
    const dir = await tempDir({ '0001_a.sql': 'create table a (id int);\ncreate table b (id int);\n' });
    await migrate(t.pool, { dir });
    await writeFile(path.join(dir, '0001_a.sql'), 'create table a (id int);\r\ncreate table b (id int);\r\n');
    expect(await migrate(t.pool, { dir })).toEqual([]);
  });

  it('fails on a migrations directory that does not exist', async () => {
    await expect(migrate(t.pool, { dir: '/nonexistent/migrations' })).rejects.toThrow(/ENOENT/);
  });
});
