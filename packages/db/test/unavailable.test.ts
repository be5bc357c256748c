import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../src/index';
import { freePort } from '../src/testing/free-port';
import { createTestDatabase, type TestDatabase } from '../src/testing/index';

let t: TestDatabase<Record<string, never>>;
beforeAll(async () => {
  t = await createTestDatabase({ migrationsDir: false });
});
afterAll(() => t.destroy());

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

describe('isDatabaseUnavailable', () => {
  it('is true for a refused connection, also when wrapped as a cause', async () => {
    const client = new pg.Client({ connectionString: `postgres://u:p@127.0.0.1:${await freePort()}/db` });
    client.on('error', () => {});
    const error = await failure(client.connect());
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(new Error('request failed', { cause: error }))).toBe(true);
  });

  it('is true for a connection the server terminated (57P01 or the connection-terminated error)', async () => {
    const victim = new pg.Client({ connectionString: t.url });
    victim.on('error', () => {});
    await victim.connect();
    const { rows } = await victim.query<{ pid: number }>('select pg_backend_pid() as pid');
    await t.pool.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
    const error = await failure(victim.query('select 1'));
    expect(isDatabaseUnavailable(error)).toBe(true);
    await victim.end().catch(() => {});
  });

  it('is true when the pool cannot hand out a connection in time', async () => {
    // Long enough for the first connection to open on a busy machine; the second waits it out for nothing.
    const pool = new pg.Pool({ connectionString: t.url, max: 1, connectionTimeoutMillis: 1000 });
    const held = await pool.connect();
    try {
      const error = await failure(pool.connect());
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      held.release();
      await pool.end();
    }
  });

  it('is true for lock_not_available (55P03)', async () => {
    await t.pool.query('create table locked (id int primary key); insert into locked values (1)');
    const holder = await t.pool.connect();
    try {
      await holder.query('begin; select * from locked for update');
      const error = await failure(t.pool.query('select * from locked for update nowait'));
      expect((error as { code?: string }).code).toBe('55P03');
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await holder.query('rollback');
      holder.release();
    }
  });

  it('is false for errors that retrying will not fix', async () => {
    const syntax = await failure(t.pool.query('selec 1'));
    await t.pool.query('create table uniq (id int primary key); insert into uniq values (1)');
    const duplicate = await failure(t.pool.query('insert into uniq values (1)'));
    for (const error of [
      syntax,
      duplicate,
      new Error('boom'),
      'ECONNREFUSED',
      undefined,
      null,
      { code: 42 },
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });

  it('recognises the pg codes of an unavailable server', () => {
    for (const code of ['57P01', '57P03', '53300', '55P03', '08006', '08001']) {
      expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code }))).toBe(true);
    }
  });
});
