import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/embedded/embedded-postgres';
import { DatabaseConfigError, isDatabaseUnavailable, openDatabase, repoRoot } from '../src/index';
import { silentLogger } from '../src/logger';
import { freePort } from '../src/testing/free-port';
import { createTestDatabase, type TestDatabase } from '../src/testing/index';
import { captureLogger, removeTempDirs, tempDir } from './helpers';

let t: TestDatabase<Record<string, never>>;
beforeAll(async () => {
  t = await createTestDatabase({ migrationsDir: false });
});
afterAll(async () => {
  await t.destroy();
  await removeTempDirs();
});

async function connectError(port: number): Promise<unknown> {
  const client = new pg.Client({
    connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
  });
  client.on('error', () => {});
  return client.connect().then(
    () => client.end(),
    (error: unknown) => error,
  );
}

describe('openDatabase with DATABASE_URL', () => {
  it('uses that server, with DATABASE_POOL_MAX, and logs only the redacted URL', async () => {
    const { lines, logger } = captureLogger();
    const role = `app_${t.name}`;
    const password = `pw-${t.name}`;
    await t.pool.query(`create role ${role} login password '${password}'`);
    const url = new URL(t.url);
    url.username = role;
    url.password = password;
    const opened = await openDatabase({
      env: { DATABASE_URL: url.toString(), DATABASE_POOL_MAX: '3' },
      logger,
    });
    try {
      const { rows } = await opened.pool.query('select current_database() as name');
      expect(rows).toEqual([{ name: t.name }]);
      expect(opened.pool.options.max).toBe(3);
      expect(opened.url).toContain(':***@');
      expect(opened.url).not.toContain(password);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(opened.url);
      expect(lines[0]).not.toContain(password);
    } finally {
      await opened.close();
      await t.pool.query(`drop role ${role}`);
    }
    expect(opened.pool.ended).toBe(true);
    expect(opened.pool.totalCount).toBe(0);
  });

  it('starts every connection with lock and statement timeouts', async () => {
    const opened = await openDatabase({
      env: { DATABASE_URL: t.url, DATABASE_LOCK_TIMEOUT_MS: '1234', DATABASE_STATEMENT_TIMEOUT_MS: '5678' },
      logger: silentLogger,
    });
    try {
      const { rows } = await opened.pool.query(
        "select current_setting('lock_timeout') as lock, current_setting('statement_timeout') as statement",
      );
      expect(rows).toEqual([{ lock: '1234ms', statement: '5678ms' }]);
      // A table held by someone else fails fast with 55P03 instead of hanging the caller.
      await t.pool.query('create table if not exists locked_probe (id int)');
      const holder = await t.pool.connect();
      try {
        await holder.query('begin; lock table locked_probe in access exclusive mode');
        const error = await opened.pool.query('select * from locked_probe').then(
          () => undefined,
          (e: unknown) => e,
        );
        expect((error as { code?: string }).code).toBe('55P03');
        expect(isDatabaseUnavailable(error)).toBe(true);
      } finally {
        await holder.query('rollback');
        holder.release();
      }
    } finally {
      await opened.close();
    }
  });

  it('refuses a malformed DATABASE_URL without echoing it', async () => {
    const error = await openDatabase({
      env: { DATABASE_URL: 'mysql://u:hunter2@db/x' },
      logger: silentLogger,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseConfigError);
    expect((error as DatabaseConfigError).variable).toBe('DATABASE_URL');
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('refuses a DATABASE_POOL_MAX that is not a positive integer', async () => {
    const error = await openDatabase({
      env: { DATABASE_URL: t.url, DATABASE_POOL_MAX: '0' },
      logger: silentLogger,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseConfigError);
    expect((error as DatabaseConfigError).variable).toBe('DATABASE_POOL_MAX');
  });
});

describe('openDatabase without DATABASE_URL (embedded)', () => {
  it('initialises and starts a server on the data dir, keeps data across restarts, and close() stops it', async () => {
    const dataDir = path.join(await tempDir(), 'postgres');
    const port = await freePort();
    const options = { env: {}, embedded: { dataDir, port }, logger: silentLogger };

    const first = await openDatabase(options);
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(first.url).toBe(`postgres://postgres:***@127.0.0.1:${port}/postgres`);
    await first.pool.query('create table kept (id int); insert into kept values (42)');
    await first.close();
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    expect(isDatabaseUnavailable(await connectError(port))).toBe(true);

    const second = await openDatabase(options);
    try {
      expect((await second.pool.query('select id from kept')).rows).toEqual([{ id: 42 }]);
    } finally {
      await second.close();
    }
  });

  it('reuses a server that already holds the data dir, and leaves it running on close()', async () => {
    const dataDir = path.join(await tempDir(), 'postgres');
    const holder = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      throwaway: true,
      logger: silentLogger,
    });
    try {
      const { lines, logger } = captureLogger();
      // Asked for another port: the holder's port (from postmaster.pid) wins.
      const opened = await openDatabase({ env: {}, embedded: { dataDir, port: await freePort() }, logger });
      expect(opened.url).toBe(holder.url.replace(':postgres@', ':***@'));
      expect(lines.some((line) => line.includes('reusing'))).toBe(true);
      await opened.close();

      const client = new pg.Client({ connectionString: holder.url });
      await client.connect();
      expect((await client.query('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
      await client.end();
    } finally {
      await holder.stop();
    }
  });

  it('starts over the stale postmaster.pid of a server that crashed', async () => {
    const dataDir = path.join(await tempDir(), 'postgres');
    await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      throwaway: true,
      logger: silentLogger,
    });
    const pidFile = path.join(dataDir, 'postmaster.pid');
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    expect(existsSync(pidFile)).toBe(true);

    const port = await freePort();
    const opened = await openDatabase({ env: {}, embedded: { dataDir, port }, logger: silentLogger });
    try {
      expect(opened.url).toContain(`:${port}/`);
      expect((await opened.pool.query('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
    } finally {
      await opened.close();
    }
  });

  it('leaves the process its own signal handling and exit code', async () => {
    const dir = await tempDir();
    const script = path.join(dir, 'embedded-exit-code.mts');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      script,
      `import { openDatabase } from ${JSON.stringify(path.join(repoRoot, 'packages/db/src/index.ts'))};
const events = ['SIGINT', 'SIGTERM', 'beforeExit'];
const before = events.map((e) => process.listenerCount(e)).join();
const opened = await openDatabase({ env: {}, embedded: { dataDir: ${JSON.stringify(path.join(dir, 'pg'))}, port: ${await freePort()} }, logger: { info() {}, warn() {} } });
await opened.close();
console.log(before === events.map((e) => process.listenerCount(e)).join() ? 'listeners unchanged' : 'listeners added');
process.exitCode = 3;
`,
    );
    const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    const error = await promisify(execFile)(tsx, [script]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 3, stdout: 'listeners unchanged\n' });
  });
});
