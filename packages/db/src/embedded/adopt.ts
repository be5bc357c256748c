import path from 'node:path';
import pg from 'pg';
import { redactUrl } from '../connection-url';
import { EmbeddedPostgresError } from '../errors';
import { adminUrl } from './credentials';
import { isProcessAlive, readPostmasterPid } from './postmaster-pid';
import type { EmbeddedPostgresHandle, EmbeddedPostgresOptions } from './types';

/**
 * A server left holding the directory (a previous process died without stopping it, or another
 * process is using it right now) makes a new start fail on `postmaster.pid`. We cannot tell a dead
 * owner from a live one portably, and killing a server a live process still uses would break it,
 * so we connect to it instead and never stop it: it costs one idle process, and the next start
 * reuses it again. A pid file whose process is gone is stale, and PostgreSQL replaces it on start.
 */
export async function adoptRunningServer(
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
  // It died while we waited (a crashed server's last moments): the pid file is stale after all.
  if (!isProcessAlive(holder.pid)) return undefined;
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
