import { rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { isPostgresUrl, redactUrl } from '../connection-url';
import { startEmbeddedPostgres } from '../embedded/embedded-postgres';
import { EmbeddedPostgresError } from '../errors';
import { silentLogger } from '../logger';
import { freePort } from './free-port';
import { ADMIN_URL_KEY } from './provided';
import { scratchBase } from './scratch-dir';

/**
 * Vitest global setup: one PostgreSQL server for the whole run (DATABASE_URL when set, else an
 * embedded server on a free port with a throwaway data dir in RAM or the OS tmp dir), provided to test files as
 * `inject('heroOnboardingTestDatabaseUrl')`; `createTestDatabase()` makes a database per test file on it.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.DATABASE_URL?.trim();
  if (external) {
    await assertAnswers(external);
    project.provide(ADMIN_URL_KEY, external);
    return undefined;
  }

  const parent = await mkdtemp(path.join(scratchBase(), 'hero-onboarding-test-pg-'));
  try {
    // Traversable by the postgres user the server runs as when the tests run as root.
    await chmod(parent, 0o755);
    const server = await startOnFreePort(path.join(parent, 'data'));
    // Vitest exits on Ctrl-C without running teardowns; without this the server and its data
    // (in RAM, under /dev/shm) would outlive the run.
    const onExit = () => {
      server.killNow();
      rmSync(parent, { recursive: true, force: true, maxRetries: 3 });
    };
    process.once('exit', onExit);
    project.provide(ADMIN_URL_KEY, server.url);
    return async () => {
      process.off('exit', onExit);
      await server.stop();
      await rm(parent, { recursive: true, force: true });
    };
  } catch (error) {
    await rm(parent, { recursive: true, force: true });
    throw error;
  }
}

async function startOnFreePort(dataDir: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startEmbeddedPostgres({
        dataDir,
        port: await freePort(),
        throwaway: true,
        logger: silentLogger,
      });
    } catch (error) {
      // The port can be taken between freePort() and the server's bind; initdb is not redone.
      if (!(error instanceof EmbeddedPostgresError) || attempt === 3) throw error;
    }
  }
}

async function assertAnswers(url: string): Promise<void> {
  if (!isPostgresUrl(url)) throw new Error('DATABASE_URL is not a postgres:// or postgresql:// URL');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`tests: DATABASE_URL ${redactUrl(url)} does not answer: ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}
