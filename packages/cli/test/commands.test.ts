import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import { freePort } from '@hero-onboarding/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, startCli } from './support/run-cli';

let empty: TestDatabase<unknown>;
beforeAll(async () => {
  empty = await createTestDatabase({ migrationsDir: false });
});
afterAll(async () => empty?.destroy());

describe('the one-shot commands', () => {
  it('generate --check passes on the committed generated/ (and writes nothing)', async () => {
    const result = await runCli(['generate', '--check'], cliEnv());
    expect(result.code, result.stderr).toBe(0);
  });

  it('migrate applies every migration to --database-url, then finds nothing to apply', async () => {
    const first = await runCli(['migrate', '--database-url', empty.url], cliEnv());
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/migrate: applied \d+ migration\(s\) to postgres:\/\/postgres:\*\*\*@/);
    const tables = await empty.db
      .selectFrom('schema_migrations' as never)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number((tables as { n: string }).n)).toBeGreaterThanOrEqual(3);
    const again = await runCli(['migrate'], cliEnv({ DATABASE_URL: empty.url }));
    expect(again.stdout).toContain('migrate: nothing to apply');
  });
});

describe('sim idenfy', () => {
  it('runs the simulator with the server dev keys, answers its API, and stops on SIGTERM', async () => {
    const port = await freePort();
    const sim = startCli(
      ['sim', 'idenfy', '--port', String(port)],
      cliEnv({ PUBLIC_URL: 'http://localhost:18150' }),
    );
    await sim.waitFor(/iDenfy simulator listening on/);
    expect(sim.output()).toContain(`IDENFY_API_URL=http://127.0.0.1:${port}`);
    // The server's dev keys: a token call with them is accepted, with others refused.
    const basic = (key: string, secret: string) =>
      `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
    const call = (auth: string) =>
      fetch(`http://127.0.0.1:${port}/api/v2/token`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: 'cli-test-client' }),
      });
    expect((await call(basic('dev-idenfy-key', 'dev-idenfy-secret'))).status).toBe(200);
    expect((await call(basic('dev-idenfy-key', 'wrong'))).status).toBe(401);
    expect(sim.output()).not.toContain('dev-idenfy-secret');
    sim.signal('SIGTERM');
    expect(await sim.exited).toBe(0);
  });
});
