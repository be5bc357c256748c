import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type IdenfySimulator, startIdenfySimulator } from '@hero-onboarding/kyc/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type ServerProcess, startServerProcess } from '../src/testing/server-process';
import { HttpClient } from './support/http-client';
import { devServerEnv } from './support/server-processes';
import { IDENFY } from './support/stack';
import { startTokenGate } from './support/token-gate';

/**
 * SIGTERM to a real server process running its own embedded PostgreSQL: it stops accepting, finishes
 * the requests in flight, closes the pool and stops the database, and exits 0; nothing it accepted is lost.
 */
let scratch: string;
let simulator: IdenfySimulator;
let gate: Awaited<ReturnType<typeof startTokenGate>>;
let env: Record<string, string>;
const started: ServerProcess[] = [];
beforeAll(async () => {
  scratch = await mkdtemp(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'hero-shutdown-'));
  // The embedded server runs as the postgres user when the tests run as root.
  await chmod(scratch, 0o755);
  simulator = await startIdenfySimulator({ ...IDENFY, port: 0 });
  gate = await startTokenGate(simulator.url);
  // iDenfy's token calls wait at the gate until the test lets them through: no deadline may cut them short.
  env = devServerEnv(gate.url, {
    IDENFY_TIMEOUT_MS: '120000',
    SHUTDOWN_TIMEOUT_MS: '120000',
    DATABASE_URL: '',
    EMBEDDED_PG_DATA_DIR: path.join(scratch, 'data'),
    EMBEDDED_PG_PORT: String(await freePort()),
    LOGIN_RATE_LIMIT_PER_IP: '1000',
    LOG_LEVEL: 'info',
  });
}, 60_000);
afterAll(async () => {
  for (const server of started) await server.stop();
  await gate?.close();
  await simulator?.close();
  await rm(scratch, { recursive: true, force: true });
});

const refused = (url: string) =>
  fetch(`${url}/healthz`).then(
    () => false,
    () => true,
  );

describe('graceful shutdown', () => {
  it('SIGTERM: stop accepting, finish what is in flight, close the pool and the embedded database, exit 0', async () => {
    const server = await startServerProcess(env);
    started.push(server);
    const clients = [];
    for (let i = 0; i < 4; i++) {
      const client = new HttpClient(server.url);
      const email = `draining-${i}@example.com`;
      const { json } = await client.post('/login/challenge', { email });
      expect((await client.post('/login/verify', { email, code: json.dev_code })).status).toBe(200);
      clients.push(client);
    }

    // Four /kyc/start calls held inside the iDenfy token call while the signal arrives.
    gate.hold();
    let inFlightDone = false;
    const inFlight = Promise.all(clients.map((c) => c.get('/kyc/start'))).finally(() => {
      inFlightDone = true;
    });
    for (let i = 0; i < 3000 && gate.held() < 4; i++) await new Promise((r) => setTimeout(r, 10));
    expect(gate.held()).toBe(4);

    const exited = server.kill('SIGTERM');
    while (!(await refused(server.url))) await new Promise((r) => setTimeout(r, 10));
    // New connections are refused while the accepted requests are still being served.
    expect(inFlightDone).toBe(false);
    gate.release();
    const answers = await inFlight;
    for (const res of answers) {
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toContain('/api/v2/redirect?authToken=');
    }
    expect(await exited).toBe(0);
    expect(server.output()).toContain('SIGTERM: shutting down');
    expect(server.output()).toContain('"msg":"stopped"');
    expect(server.output()).not.toMatch(/"level":"error"/);
    // The embedded PostgreSQL was stopped with it.
    expect(existsSync(path.join(env.EMBEDDED_PG_DATA_DIR as string, 'postmaster.pid'))).toBe(false);

    // Nothing accepted was lost: a new process on the same data serves the stored tokens.
    const again = await startServerProcess(env);
    started.push(again);
    for (const [i, client] of clients.entries()) {
      const status = await new HttpClient(again.url).get('/kyc/status', {
        cookie: `hero_session=${client.cookie('hero_session')}`,
      });
      expect(status.json.kyc.status, `user ${i}`).toBe('in_progress');
      expect(answers[i]?.headers.get('location')).toContain(encodeURIComponent(status.json.kyc.auth_token));
    }
  });
});
