import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../src/simulator/main.ts', import.meta.url));
const ENV = {
  IDENFY_API_KEY: 'main-key-value',
  IDENFY_API_SECRET: 'main-secret-value',
  IDENFY_WEBHOOK_SECRET: 'main-webhook-secret-value',
  PORT: '0',
};

function run(env: Record<string, string>): ChildProcess {
  const {
    IDENFY_API_KEY: _k,
    IDENFY_API_SECRET: _s,
    IDENFY_WEBHOOK_SECRET: _w,
    PORT: _p,
    ...rest
  } = process.env;
  return spawn(process.execPath, ['--import', 'tsx', MAIN], { env: { ...rest, ...env }, stdio: 'pipe' });
}

function output(child: ChildProcess) {
  let text = '';
  child.stdout?.on('data', (chunk) => {
    text += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    text += chunk;
  });
  return {
    text: () => text,
    line: (pattern: RegExp) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const check = () => {
          const match = text.match(pattern);
          if (match) resolve(match);
        };
        child.stdout?.on('data', check);
        check();
        child.once('exit', () => reject(new Error(`exited before printing ${pattern}: ${text}`)));
      }),
    exit: () => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))),
  };
}

describe('tsx packages/kyc/src/simulator/main.ts', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('fails fast, naming the missing variable', async () => {
    const { IDENFY_WEBHOOK_SECRET: _omit, ...env } = ENV;
    child = run(env);
    const out = output(child);
    expect(await out.exit()).toBe(1);
    expect(out.text()).toContain('IDENFY_WEBHOOK_SECRET must be set');
    expect(out.text()).not.toContain(ENV.IDENFY_API_SECRET);
  });

  it('refuses a PORT that is not a port number', async () => {
    child = run({ ...ENV, PORT: 'eighty' });
    const out = output(child);
    expect(await out.exit()).toBe(1);
    expect(out.text()).toContain('PORT');
  });

  it('serves the simulator, prints where without any secret, and stops on SIGTERM', async () => {
    child = run({ ...ENV, IDENFY_SIM_CALLBACK_URL: 'http://127.0.0.1:9/unused' });
    const out = output(child);
    const [, url] = await out.line(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const stats = await fetch(`${url}/sim/stats`);
    expect(await stats.json()).toEqual({ tokensMinted: 0, statusCalls: 0, deliveries: [] });
    const exit = out.exit();
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    for (const secret of [ENV.IDENFY_API_KEY, ENV.IDENFY_API_SECRET, ENV.IDENFY_WEBHOOK_SECRET]) {
      expect(out.text()).not.toContain(secret);
    }
  });
});
