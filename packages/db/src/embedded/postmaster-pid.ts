import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface PostmasterPid {
  pid: number;
  port: number;
}

/**
 * Reads `postmaster.pid`, which PostgreSQL keeps in its data directory while a server runs on it:
 * line 1 is the postmaster's pid, line 4 its port. Undefined when there is no (readable) file.
 */
export async function readPostmasterPid(dataDir: string): Promise<PostmasterPid | undefined> {
  try {
    return parse(await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The same, synchronously: for process 'exit' handlers, where nothing asynchronous runs. */
export function readPostmasterPidSync(dataDir: string): PostmasterPid | undefined {
  try {
    return parse(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8'));
  } catch {
    return undefined;
  }
}

function parse(text: string): PostmasterPid | undefined {
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  return { pid, port };
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (e.g. the postgres user when we are not root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
