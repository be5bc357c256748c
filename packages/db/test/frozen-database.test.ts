import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDatabaseConfig } from '../src/config';
import {
  DatabaseConfigError,
  isDatabaseUnavailable,
  type OpenedDatabase,
  openDatabase,
  QueryDeadlineError,
} from '../src/index';
import { silentLogger } from '../src/logger';
import { type DedicatedPostgres, startDedicatedPostgres } from '../src/testing/index';

// Its own server: freezing the run's shared one would stall every other test file.
let server: DedicatedPostgres;
let database: OpenedDatabase<{ probe: { id: number; note: string } }>;
beforeAll(async () => {
  server = await startDedicatedPostgres();
  const url = await server.createDatabase({ migrationsDir: false });
  database = await openDatabase({ env: { DATABASE_URL: url, DATABASE_POOL_MAX: '3' }, logger: silentLogger });
  await database.pool.query('create table probe (id int primary key, note text not null)');
}, 60_000);
afterAll(async () => {
  await database?.close();
  await server?.destroy();
});

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe('a frozen database server (SIGSTOP: connections open, nothing answers)', () => {
  it('every query fails as "unavailable" instead of hanging, and the pool recovers after SIGCONT', async () => {
    // Fill the pool with idle connections, so the frozen server is met both by queries on open
    // connections (the query deadline) and by callers waiting for a connection (the checkout timeout).
    await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(database.db)));
    await server.freeze();
    try {
      const results = await Promise.all(
        Array.from({ length: 8 }, () => outcome(sql`select 1`.execute(database.db))),
      );
      for (const result of results) {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(isDatabaseUnavailable(result.error)).toBe(true);
      }
      expect(results.some((r) => !r.ok && r.error instanceof QueryDeadlineError)).toBe(true);
    } finally {
      await server.thaw();
    }
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('a transaction cut off by the freeze is never committed later, nor leaks into the next caller', async () => {
    const cut = await outcome(
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('probe').values({ id: 1, note: 'written before the freeze' }).execute();
        await server.freeze();
        await trx.insertInto('probe').values({ id: 2, note: 'never answered' }).execute();
      }),
    );
    await server.thaw();
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(isDatabaseUnavailable(cut.error)).toBe(true);
    // Every pooled connection is outside any transaction: a fresh write commits on its own.
    await Promise.all(
      [10, 11, 12].map((id) => database.db.insertInto('probe').values({ id, note: 'after' }).execute()),
    );
    const rows = await database.db.selectFrom('probe').select('id').orderBy('id').execute();
    expect(rows.map((r) => r.id)).toEqual([10, 11, 12]);
  });
});

describe('the client-side timeouts', () => {
  it('are read from the environment, with defaults, and a malformed one is named', async () => {
    expect(resolveDatabaseConfig({ env: {} })).toMatchObject({
      connectTimeoutMs: 2000,
      queryTimeoutMs: 3000,
    });
    expect(
      resolveDatabaseConfig({
        env: { DATABASE_CONNECT_TIMEOUT_MS: '750', DATABASE_QUERY_TIMEOUT_MS: '1500' },
      }),
    ).toMatchObject({ connectTimeoutMs: 750, queryTimeoutMs: 1500 });
    for (const name of ['DATABASE_CONNECT_TIMEOUT_MS', 'DATABASE_QUERY_TIMEOUT_MS']) {
      for (const bad of ['0', 'soon', '-5']) {
        expect(() => resolveDatabaseConfig({ env: { [name]: bad } })).toThrow(DatabaseConfigError);
        expect(() => resolveDatabaseConfig({ env: { [name]: bad } })).toThrow(new RegExp(`^${name}: `));
      }
    }
    expect(database.pool.options.connectionTimeoutMillis).toBe(2000);
  });

  it('a query past DATABASE_QUERY_TIMEOUT_MS fails with QueryDeadlineError, and the pool carries on', async () => {
    const url = await server.createDatabase({ migrationsDir: false });
    const short = await openDatabase({
      // Long enough that the quick query after it is never late on a busy machine.
      env: { DATABASE_URL: url, DATABASE_QUERY_TIMEOUT_MS: '1500', DATABASE_STATEMENT_TIMEOUT_MS: '10000' },
      logger: silentLogger,
    });
    try {
      const slow = await outcome(sql`select pg_sleep(6)`.execute(short.db));
      expect(slow.ok).toBe(false);
      if (!slow.ok) expect(slow.error).toBeInstanceOf(QueryDeadlineError);
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(short.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await short.close();
    }
  });
});
