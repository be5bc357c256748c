import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@hero-onboarding/server/testing';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliEnv, descendantsOf, startCli, waitUntilGone } from './support/run-cli';

// A start that fails after the embedded database is up must stop it again: no PostgreSQL left behind.
let work: string;
let dataDir: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'hero-cli-failures-'));
  await chmod(work, 0o755); // as root, PostgreSQL runs as its own user and must reach the data directory
  dataDir = path.join(work, 'postgres');
});
afterEach(async () => rm(work, { recursive: true, force: true }));

function embeddedEnv(pgPort: number) {
  return cliEnv({
    EMBEDDED_PG_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    DATABASE_CONNECT_TIMEOUT_MS: '30000',
    DATABASE_QUERY_TIMEOUT_MS: '30000',
  });
}

/** Runs `serve` until it exits by itself, watching every process it started on the way. */
async function serveUntilItFails(args: string[], env: Record<string, string>) {
  const cli = startCli(['serve', '--no-admin', ...args], env);
  const seen = new Set<number>();
  const watching = setInterval(() => {
    for (const pid of descendantsOf(cli.pid)) seen.add(pid);
  }, 50);
  const code = await cli.exited;
  clearInterval(watching);
  return { code, output: cli.output(), seen: [...seen] };
}

describe('serve when the server cannot start', () => {
  it('a port already taken: the server says so, stops its database, and serve exits 1', async () => {
    const blocker: Server = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', () => resolve()));
    try {
      const run = await serveUntilItFails(['--port', String(port)], embeddedEnv(await freePort()));
      expect(run.code).toBe(1);
      expect(run.output).toContain(`cannot listen on 127.0.0.1:${port}`);
      expect(run.output).toContain('server stopped unexpectedly (exit 1)');
      expect(run.seen.length).toBeGreaterThan(0);
      await waitUntilGone(run.seen);
      expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('a migration that fails: rolled back, the database stopped, serve exits 1', async () => {
    const pgPort = await freePort();
    // A first start creates and migrates the database, then stops cleanly.
    const first = startCli(['serve', '--no-admin', '--port', String(await freePort())], embeddedEnv(pgPort));
    await first.waitFor(/Ctrl-C stops everything/);
    // Forget the last migration while its index stays: applying it again must fail.
    const client = new pg.Client({
      connectionString: `postgres://postgres:postgres@127.0.0.1:${pgPort}/postgres`,
    });
    await client.connect();
    await client.query(`delete from schema_migrations where name like '0004_%'`);
    await client.end();
    first.signal('SIGTERM');
    expect(await first.exited).toBe(0);

    const run = await serveUntilItFails(['--port', String(await freePort())], embeddedEnv(pgPort));
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/failed to start: migration .*0004_.* failed and was rolled back/);
    await waitUntilGone(run.seen);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  });
});
