import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const MAINS = {
  stripe: {
    file: fileURLToPath(new URL('../src/stand-ins/stripe/main.ts', import.meta.url)),
    env: { STRIPE_SECRET_KEY: 'sk_test_main_secret', STRIPE_WEBHOOK_SECRET: 'whsec_main_secret' },
    missing: 'STRIPE_WEBHOOK_SECRET',
    probe: '/_stand-in/stats',
    printed: /^(http:\/\/127\.0\.0\.1:\d+)\n$/,
  },
  clickpesa: {
    file: fileURLToPath(new URL('../src/stand-ins/clickpesa/main.ts', import.meta.url)),
    env: {
      CLICKPESA_CLIENT_ID: 'IDmain',
      CLICKPESA_API_KEY: 'SKmainsecret',
      CLICKPESA_CHECKSUM_KEY: 'CKmainsecret',
    },
    missing: 'CLICKPESA_CHECKSUM_KEY',
    probe: '/../_stand-in/stats',
    printed: /^(http:\/\/127\.0\.0\.1:\d+\/third-parties)\n$/,
  },
} as const;

function run(file: string, env: Record<string, string>) {
  const child = spawn(TSX, [file], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      if (stdout.includes('\n')) resolve(stdout);
    });
    child.once('exit', () => reject(new Error(`exited: ${stderr}`)));
  });
  // Tests that expect an early exit never await the first line.
  firstLine.catch(() => undefined);
  return { child, exit, firstLine, output: () => stdout + stderr };
}

describe.each(Object.entries(MAINS))('the %s stand-in run standalone', (_name, main) => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('fails fast naming the missing variable, never a secret', async () => {
    const { [main.missing]: _omit, ...env } = main.env as Record<string, string>;
    const running = run(main.file, env);
    child = running.child;
    expect(await running.exit).toBe(1);
    expect(running.output()).toContain(`${main.missing} must be set`);
    for (const value of Object.values(env)) expect(running.output()).not.toContain(value);
  });

  it('prints only its URL, serves, and stops on SIGTERM', async () => {
    const running = run(main.file, { ...main.env, PORT: '0' });
    child = running.child;
    const printed = await running.firstLine;
    const url = main.printed.exec(printed)?.[1];
    expect(url).toBeDefined();
    expect((await fetch(new URL(`${url}${main.probe}`))).status).toBe(200);
    child.kill('SIGTERM');
    expect(await running.exit).toBe(0);
    expect(running.output()).toBe(printed);
  });
});
