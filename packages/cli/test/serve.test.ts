import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import { freePort } from '@hero-onboarding/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORWARDED_ENV, SYSTEM_ENV } from '../src/env/forwarded';
import { ENTRY } from '../src/paths';
import { cliEnv, descendantsOf, processInfo, startCli, waitUntilGone } from './support/run-cli';

const CANARY = 'canary-value-that-must-not-travel';
let database: TestDatabase<unknown>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.destroy());

/** `serve` on free ports and the test database, with variables the CLI must not pass on. */
async function startServe(extra: Record<string, string> = {}) {
  const [port, adminPort] = [await freePort(), await freePort()];
  const cli = startCli(
    ['serve', '--port', String(port), '--admin-port', String(adminPort)],
    cliEnv({
      DATABASE_URL: database.url,
      ADMIN_EMAILS: 'ops@example.com',
      SESSION_SECRET: 'serve-test-session-secret-0123456789abcd',
      HERO_UNLISTED_CANARY: CANARY,
      AWS_SECRET_ACCESS_KEY: CANARY,
      NODE_OPTIONS: '--no-warnings',
      DATABASE_CONNECT_TIMEOUT_MS: '30000',
      DATABASE_QUERY_TIMEOUT_MS: '30000',
      ...extra,
    }),
  );
  await cli.waitFor(/Ctrl-C stops everything[\s\S]*─{20}/);
  return { cli, port, adminPort };
}

/** The server and admin processes (the `node ... supervised.ts <entry>` children of the CLI). */
function childrenByEntry(cliPid: number) {
  const found: Record<string, number> = {};
  for (const pid of descendantsOf(cliPid)) {
    const { args } = processInfo(pid);
    const entry = args.at(-1);
    if (entry === ENTRY.admin) found.admin = pid;
    if (entry === ENTRY.server) found.server = pid;
  }
  return found as { server: number; admin: number };
}

describe('hero-onboarding serve', () => {
  it('starts the server and the admin view, prints every URL and mode, and both answer', async () => {
    const { cli, port, adminPort } = await startServe();
    try {
      const out = cli.output();
      expect(out).toContain(`server     http://localhost:${port}`);
      expect(out).toContain(`admin      http://localhost:${adminPort}/kyc`);
      expect(out).toMatch(/database {3}postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/test_/);
      expect(out).toContain('!! NOT FOR REAL USERS');
      expect(out).toContain('iDenfy is SIMULATED');
      expect(out).toContain('payments   Stripe stand-in, ClickPesa stand-in; currencies USD');
      expect(out).toContain('Stripe is a STAND-IN (built in): no real payments happen');
      expect(out).toContain('ADMIN_API_TOKEN was generated for this run');
      expect(out).toContain('1 address in ADMIN_EMAILS');
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const login = await fetch(`http://127.0.0.1:${adminPort}/login`);
      expect(login.status).toBe(200);
      expect(await login.text()).toContain('Admin sign-in');
      expect(out).not.toContain('serve-test-session-secret');
    } finally {
      cli.interrupt();
      await cli.exited;
    }
  });

  it('passes on only the listed variables, each to the process that reads it', async () => {
    const { cli } = await startServe();
    try {
      const { server, admin } = childrenByEntry(cli.pid);
      const serverEnv = processInfo(server).env;
      const adminEnv = processInfo(admin).env;
      // Node adds its own IPC plumbing (the channel that tells a child its CLI died); nothing else may appear.
      const allowed = new Set<string>([
        ...Object.keys(FORWARDED_ENV),
        ...SYSTEM_ENV,
        'NODE_CHANNEL_FD',
        'NODE_CHANNEL_SERIALIZATION_MODE',
      ]);
      for (const env of [serverEnv, adminEnv]) {
        expect(Object.keys(env).filter((name) => !allowed.has(name))).toEqual([]);
        expect(Object.values(env)).not.toContain(CANARY);
        expect(env.NODE_OPTIONS).toBeUndefined();
      }
      expect(serverEnv).toMatchObject({ DATABASE_URL: database.url, ADMIN_EMAILS: 'ops@example.com' });
      // The admin view holds none of the server's secrets, only what it reads; both share the run's token.
      expect(adminEnv.SESSION_SECRET).toBeUndefined();
      expect(adminEnv.DATABASE_URL).toBeUndefined();
      expect(adminEnv.ADMIN_API_TOKEN).toBe(serverEnv.ADMIN_API_TOKEN);
      expect(adminEnv.ADMIN_API_TOKEN?.length).toBeGreaterThanOrEqual(40);
      expect(cli.output()).not.toContain(adminEnv.ADMIN_API_TOKEN);
    } finally {
      cli.interrupt();
      await cli.exited;
    }
  });

  it('Ctrl-C stops everything it started and exits 0', async () => {
    const { cli } = await startServe();
    const started = descendantsOf(cli.pid);
    expect(started.length).toBeGreaterThanOrEqual(2);
    cli.interrupt();
    expect(await cli.exited).toBe(0);
    await waitUntilGone(started);
    expect(cli.output()).toContain('hero-onboarding: stopped');
  });

  it('SIGTERM to the CLI alone (a supervisor stopping it) stops everything too', async () => {
    const { cli } = await startServe();
    const started = descendantsOf(cli.pid);
    cli.signal('SIGTERM');
    expect(await cli.exited).toBe(0);
    await waitUntilGone(started);
  });

  it('with the embedded database: stopping the CLI alone stops PostgreSQL too, cleanly', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'hero-cli-embedded-'));
    // As root, PostgreSQL runs as its own user, which must reach the data directory.
    await chmod(work, 0o755);
    const dataDir = path.join(work, 'postgres');
    try {
      const { cli } = await startServe({
        DATABASE_URL: '',
        EMBEDDED_PG_DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await freePort()),
      });
      expect(cli.output()).toContain(`database   embedded PostgreSQL on 127.0.0.1:`);
      const started = descendantsOf(cli.pid);
      const postgres = started.filter((pid) => (processInfo(pid).args[0] ?? '').endsWith('postgres'));
      expect(postgres.length).toBeGreaterThan(0);
      expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(true);
      // SIGTERM to the CLI only (unlike Ctrl-C, PostgreSQL gets no signal of its own): the server must stop it.
      cli.signal('SIGTERM');
      expect(await cli.exited).toBe(0);
      await waitUntilGone(started);
      // A clean shutdown removes the pid file; a killed server would leave it behind.
      expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it('if the CLI is killed outright, its children notice and stop themselves', async () => {
    const { cli } = await startServe();
    const started = descendantsOf(cli.pid);
    cli.signal('SIGKILL');
    await cli.exited;
    await waitUntilGone(started);
  });
});
