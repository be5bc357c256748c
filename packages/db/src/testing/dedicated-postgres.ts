import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { withDatabaseName } from '../connection-url';
import { startEmbeddedPostgres } from '../embedded/embedded-postgres';
import { readPostmasterPid } from '../embedded/postmaster-pid';
import type { EmbeddedPostgresHandle } from '../embedded/types';
import { silentLogger } from '../logger';
import { migrate } from '../migrator/migrate';
import { defaultMigrationsDir } from '../paths';
import { freePort } from './free-port';
import { processTree } from './process-tree';
import { scratchBase } from './scratch-dir';

export interface DedicatedPostgres {
  /** Admin URL (with password) to the `postgres` database. */
  readonly url: string;
  /** A new database on this server, migrated like `createTestDatabase()`; returns its full URL. */
  createDatabase(options?: { migrationsDir?: string | false }): Promise<string>;
  /** SIGSTOP the postmaster and every backend: connections stay open but nothing answers. */
  freeze(): Promise<void>;
  /** SIGCONT them again. */
  thaw(): Promise<void>;
  /** A clean, fast shutdown; the data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same data and port. */
  start(): Promise<void>;
  /** Stops it (thawing first if needed) and deletes its data. Idempotent. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL server of its own, for tests that stop, freeze or restart the database: doing that to
 * the run's shared server would break every other test file.
 */
export async function startDedicatedPostgres(): Promise<DedicatedPostgres> {
  const parent = await mkdtemp(path.join(scratchBase(), 'hero-onboarding-dedicated-pg-'));
  // Traversable by the postgres user the server runs as when the tests run as root.
  await chmod(parent, 0o755);
  const dataDir = path.join(parent, 'data');
  const port = await freePort();
  const launch = () => startEmbeddedPostgres({ dataDir, port, logger: silentLogger });
  let server: EmbeddedPostgresHandle | undefined = await launch();
  let frozen: number[] = [];
  const url = server.url;

  const thaw = async () => {
    for (const pid of [...frozen].reverse()) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // exited meanwhile
      }
    }
    frozen = [];
  };
  const stop = async () => {
    await server?.stop();
    server = undefined;
  };

  return {
    url,
    async createDatabase(options = {}) {
      const name = `fault_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`create database ${name}`);
      } finally {
        await admin.end();
      }
      const databaseUrl = withDatabaseName(url, name);
      const migrationsDir = options.migrationsDir ?? defaultMigrationsDir;
      if (migrationsDir !== false) {
        const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
        try {
          await migrate(pool, { dir: migrationsDir });
        } finally {
          await pool.end();
        }
      }
      return databaseUrl;
    },
    async freeze() {
      const holder = await readPostmasterPid(dataDir);
      if (holder === undefined) throw new Error('the dedicated PostgreSQL is not running');
      const tree = await processTree(holder.pid);
      // The postmaster first, so it forks nothing new while its backends are being stopped.
      for (const pid of tree) process.kill(pid, 'SIGSTOP');
      frozen = tree;
    },
    thaw,
    stop,
    async start() {
      server ??= await launch();
    },
    async destroy() {
      await thaw();
      await stop();
      await rm(parent, { recursive: true, force: true });
    },
  };
}
