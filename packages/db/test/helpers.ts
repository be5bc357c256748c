import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scratchBase } from '../src/testing/scratch-dir';

const made: string[] = [];

/** A temp directory holding `files` (name -> contents); removed by removeTempDirs(). */
export async function tempDir(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(scratchBase(), 'hero-db-test-'));
  // Embedded servers run as the postgres user when tests run as root; they need to reach subdirs.
  await chmod(dir, 0o755);
  made.push(dir);
  for (const [name, contents] of Object.entries(files)) await writeFile(path.join(dir, name), contents);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export function captureLogger() {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      info: (message: string) => lines.push(message),
      warn: (message: string) => lines.push(message),
    },
  };
}
