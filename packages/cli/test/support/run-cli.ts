import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/hero-onboarding.js', import.meta.url));
export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

/** A clean environment: only what a shell needs, plus the test's own settings. */
export function cliEnv(settings: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', ...settings };
}

/** Runs the CLI to its end, as `npx hero-onboarding ...` would. */
export function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A long-running CLI command in its own process group, as a terminal runs a foreground job. */
export function startCli(args: string[], env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    pid: child.pid as number,
    output: () => output,
    exited,
    /** Waits until the output matches (or the CLI exits, or 120 s pass: then it fails with the output). */
    async waitFor(pattern: RegExp): Promise<void> {
      const deadline = Date.now() + 120_000;
      while (!pattern.test(output)) {
        if (child.exitCode !== null)
          throw new Error(`the CLI exited (${child.exitCode}) before ${pattern}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`no ${pattern} in the output:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** Ctrl-C in a terminal: SIGINT to the whole foreground process group. */
    interrupt: () => process.kill(-(child.pid as number), 'SIGINT'),
    signal: (signal: NodeJS.Signals) => child.kill(signal),
  };
}

/** Every process below `pid` (children, grandchildren, ...), from /proc. */
export function descendantsOf(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirNumeric('/proc')) {
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(entry, ppid);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parentOf)
      if (ppid === parent) {
        found.push(child);
        walk(child);
      }
  };
  walk(pid);
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The command line and environment of a running process, from /proc. */
export function processInfo(pid: number): { args: string[]; env: Record<string, string> } {
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    .split('\0')
    .filter((a) => a !== '');
  const env: Record<string, string> = {};
  for (const pair of readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
    const eq = pair.indexOf('=');
    if (eq > 0) env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { args, env };
}

/** Polls until none of these processes is alive; fails naming the survivors after 30 s. */
export async function waitUntilGone(pids: readonly number[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const alive = pids.filter(isAlive);
    if (alive.length === 0) return;
    if (Date.now() > deadline) throw new Error(`still running: ${alive.join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function readdirNumeric(dir: string): number[] {
  return readdirSync(dir)
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}
