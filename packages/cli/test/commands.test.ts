import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import { freePort, startServerProcess } from '@hero-onboarding/server/testing';
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

describe('sim stripe and sim clickpesa', () => {
  it("the Stripe stand-in takes the server's dev key and refuses another", async () => {
    const port = await freePort();
    const sim = startCli(['sim', 'stripe', '--port', String(port)], cliEnv());
    await sim.waitFor(new RegExp(`^http://127\\.0\\.0\\.1:${port}$`, 'm'));
    expect(sim.output()).toContain('run the server with STRIPE_API_URL=');
    const get = (key: string) =>
      fetch(`http://127.0.0.1:${port}/v1/checkout/sessions/cs_test_none`, {
        headers: { authorization: `Bearer ${key}` },
      });
    expect((await get('sk_test_hero_onboarding_stand_in')).status).toBe(404);
    expect((await get('sk_test_someone_else')).status).toBe(401);
    sim.signal('SIGTERM');
    expect(await sim.exited).toBe(0);
  });

  it('the ClickPesa stand-in takes your credentials when you give them', async () => {
    const port = await freePort();
    const credentials = {
      CLICKPESA_CLIENT_ID: 'my-client',
      CLICKPESA_API_KEY: 'my-key',
      CLICKPESA_CHECKSUM_KEY: 'my-sum',
    };
    const sim = startCli(
      ['sim', 'clickpesa', '--port', String(port)],
      cliEnv({ ...credentials, CLICKPESA_API_URL: `http://127.0.0.1:${port}/third-parties` }),
    );
    await sim.waitFor(/\/third-parties$/m);
    const token = (clientId: string) =>
      fetch(`http://127.0.0.1:${port}/third-parties/generate-token`, {
        method: 'POST',
        headers: { 'client-id': clientId, 'api-key': 'my-key' },
      });
    expect((await token('my-client')).status).toBe(200);
    expect((await token('dev-clickpesa-client')).status).toBe(403);
    sim.signal('SIGTERM');
    expect(await sim.exited).toBe(0);
  });
});

describe('reconcile', () => {
  it('runs one sweep against the database and reports it', async () => {
    const migrated = await createTestDatabase();
    try {
      const result = await runCli(['reconcile', '--database-url', migrated.url], cliEnv());
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '')).toHaveProperty('reconcile');
    } finally {
      await migrated.destroy();
    }
  });
});

describe('admin', () => {
  it('starts the admin view alone against a running server, and stops on SIGTERM', async () => {
    const database = await createTestDatabase();
    const token = 'cli-admin-test-token-0123456789abcdef';
    const server = await startServerProcess({ DATABASE_URL: database.url, ADMIN_API_TOKEN: token });
    try {
      const port = await freePort();
      const admin = startCli(
        ['admin', '--admin-port', String(port), '--server-url', server.url],
        cliEnv({ ADMIN_API_TOKEN: token }),
      );
      await admin.waitFor(/hero-onboarding admin view: http:\/\/localhost:\d+\/kyc/);
      expect(admin.output()).toContain(`(server ${server.url})`);
      const login = await fetch(`http://127.0.0.1:${port}/login`);
      expect(login.status).toBe(200);
      expect(admin.output()).not.toContain(token);
      admin.signal('SIGTERM');
      expect(await admin.exited).toBe(0);
    } finally {
      await server.stop();
      await database.destroy();
    }
  });
});
