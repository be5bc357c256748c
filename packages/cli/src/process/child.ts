import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repoRoot } from '../paths';

const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const SUPERVISED = fileURLToPath(new URL('./supervised.ts', import.meta.url));

export interface Child {
  readonly name: string;
  readonly pid: number;
  /** Resolves with the exit code (null: ended by a signal) when the process is gone. */
  readonly exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  hasExited(): boolean;
}

export interface ChildOptions {
  readonly name: string;
  readonly entry: string;
  readonly args?: readonly string[];
  readonly env: Record<string, string>;
  /** `prefix`: each output line as `name │ line` (several children at once); `inherit`: the terminal's own. */
  readonly output: 'prefix' | 'inherit';
}

/** Starts a TypeScript entry point as a supervised child process (see supervised.ts). */
export function startChild(options: ChildOptions): Child {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', TSX_LOADER, SUPERVISED, options.entry, ...(options.args ?? [])],
    {
      cwd: repoRoot,
      env: options.env,
      stdio:
        options.output === 'inherit'
          ? ['inherit', 'inherit', 'inherit', 'ipc']
          : ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  if (options.output === 'prefix') {
    const label = `${options.name.padEnd(6)} │ `;
    prefixLines(child.stdout, (line) => process.stdout.write(`${label}${line}\n`));
    prefixLines(child.stderr, (line) => process.stderr.write(`${label}${line}\n`));
  }
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(127));
  });
  let done = false;
  void exited.then(() => {
    done = true;
  });
  return {
    name: options.name,
    pid: child.pid ?? -1,
    exited,
    hasExited: () => done,
    async stop(graceMs = 15_000) {
      if (done) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

function prefixLines(stream: NodeJS.ReadableStream | null, write: (line: string) => void) {
  if (stream === null) return;
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) write(line);
  });
  stream.on('end', () => {
    if (pending !== '') write(pending);
  });
}
