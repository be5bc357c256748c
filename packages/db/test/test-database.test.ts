import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { createTestDatabase } from '../src/testing/index';
import { ADMIN_URL_KEY } from '../src/testing/provided';
import { removeTempDirs, tempDir } from './helpers';

afterAll(removeTempDirs);

// Lets a test know the random name createTestDatabase() will pick next.
const nextName = vi.hoisted(() => ({ bytes: undefined as Buffer | undefined }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  const randomBytes = (size: number) => {
    const chosen = nextName.bytes;
    nextName.bytes = undefined;
    return chosen ?? actual.randomBytes(size);
  };
  return { ...actual, randomBytes };
});

async function databaseExists(name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: inject(ADMIN_URL_KEY) });
  await admin.connect();
  try {
    return (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await admin.end();
  }
}

describe('createTestDatabase', () => {
  it('creates a fresh migrated database per call, and destroy() drops it even with connections open', async () => {
    const dir = await tempDir({ '0001_init.sql': 'create table items (id int primary key, label text);' });
    const a = await createTestDatabase({ migrationsDir: dir });
    const b = await createTestDatabase({ migrationsDir: dir });
    expect(a.name).not.toBe(b.name);

    await a.pool.query("insert into items values (1, 'only in a')");
    expect((await b.pool.query('select * from items')).rows).toEqual([]);
    expect((await a.pool.query('select name from schema_migrations')).rows).toEqual([
      { name: '0001_init.sql' },
    ]);

    const straggler = new pg.Client({ connectionString: a.url });
    straggler.on('error', () => {});
    await straggler.connect();
    await a.destroy();
    await a.destroy();
    expect(a.pool.ended).toBe(true);
    expect(await databaseExists(a.name)).toBe(false);
    expect(await databaseExists(b.name)).toBe(true);
    await b.destroy();
    await straggler.end().catch(() => {});
  });

  it('truncateAll() empties every table but keeps the migration history', async () => {
    const dir = await tempDir({
      '0001_init.sql':
        'create table parents (id serial primary key); create table kids (parent int references parents);',
    });
    const t = await createTestDatabase({ migrationsDir: dir });
    try {
      await t.pool.query('insert into parents default values; insert into kids values (1)');
      await t.truncateAll();
      expect((await t.pool.query('select count(*)::int as n from kids')).rows).toEqual([{ n: 0 }]);
      expect((await t.pool.query('insert into parents default values returning id')).rows).toEqual([
        { id: 1 },
      ]);
      expect((await t.pool.query('select count(*)::int as n from schema_migrations')).rows).toEqual([
        { n: 1 },
      ]);
    } finally {
      await t.destroy();
    }
  });

  it('fails with the migration error and leaves no database behind when a migration fails', async () => {
    const bytes = randomBytes(8);
    nextName.bytes = bytes;
    const dir = await tempDir({ '0001_bad.sql': 'create table x (' });
    await expect(createTestDatabase({ migrationsDir: dir })).rejects.toThrow(/0001_bad\.sql/);
    expect(nextName.bytes).toBeUndefined();
    expect(await databaseExists(`test_${bytes.toString('hex')}`)).toBe(false);
  });
});
