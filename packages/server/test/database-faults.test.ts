import { createHash } from 'node:crypto';
import { createPool } from '@hero-onboarding/db';
import { type DedicatedPostgres, startDedicatedPostgres } from '@hero-onboarding/db/testing';
import type { Database } from '@hero-onboarding/generated/onboarding';
import { type IdenfySimulator, startIdenfySimulator } from '@hero-onboarding/kyc/simulator';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../src/testing/server-process';
import { expectNoSecretsLogged } from './support/log-leaks';
import { approvableSession, devServerEnv } from './support/server-processes';
import { CONFIGURED_SECRETS, IDENFY } from './support/stack';
import { idenfySignature } from './support/webhook';

/**
 * PostgreSQL frozen (SIGSTOP), stopped and restarted under load, on a server of its own: the server
 * process answers every request (200, or 503 with Retry-After; never a hang), recovers by itself, and
 * once the unacknowledged deliveries are repeated every webhook is applied exactly once.
 */
let postgres: DedicatedPostgres;
let db: Kysely<Database>;
let simulator: IdenfySimulator;
let server: ServerProcess;
beforeAll(async () => {
  postgres = await startDedicatedPostgres();
  const url = await postgres.createDatabase();
  db = createPool<Database>(
    url,
    {
      poolMax: 2,
      lockTimeoutMs: 2000,
      statementTimeoutMs: 2500,
      connectTimeoutMs: 5000,
      queryTimeoutMs: 10_000,
    },
    () => {},
  ).db;
  simulator = await startIdenfySimulator({ ...IDENFY, port: 0 });
  server = await startServerProcess(
    devServerEnv(simulator.url, {
      DATABASE_URL: url,
      DATABASE_POOL_MAX: '4',
      LOGIN_RATE_LIMIT_PER_IP: '100000',
      LOGIN_RATE_LIMIT_PER_EMAIL: '100000',
      LOGIN_RATE_LIMIT_PER_EMAIL_IP: '100000',
      LOG_LEVEL: 'debug',
    }),
  );
}, 90_000);
afterAll(async () => {
  await server?.stop();
  await simulator?.close();
  await db?.destroy();
  await postgres?.destroy();
});

const N = 30;

async function openSessions() {
  const bodies: string[] = [];
  for (let i = 0; i < N; i++)
    bodies.push((await approvableSession(server.url, db, `fault-${i}@example.com`)).body);
  return bodies;
}

interface Answer {
  readonly kind: 'webhook' | 'challenge' | 'health';
  readonly body?: number;
  readonly status: number;
  readonly retryAfter: string | null;
  readonly startedAt: number;
  readonly endedAt: number;
}

/**
 * Keeps `workers` requests in flight (webhooks round-robin, challenges, health checks) until stopped.
 * A request that gets no answer within 20 s counts as hung (status 0): nothing should.
 */
function load(bodies: readonly string[], workers = 6) {
  const answers: Answer[] = [];
  let running = true;
  let next = 0;
  const one = async (): Promise<void> => {
    const i = next++;
    const kind = i % 5 === 3 ? 'challenge' : i % 5 === 4 ? 'health' : 'webhook';
    const body = bodies[i % bodies.length] as string;
    const startedAt = Date.now();
    const request =
      kind === 'webhook'
        ? {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/json', 'idenfy-signature': idenfySignature(body) },
          }
        : kind === 'challenge'
          ? {
              method: 'POST',
              body: JSON.stringify({ email: `load-${i}@example.com` }),
              headers: { 'content-type': 'application/json' },
            }
          : { method: 'GET' };
    const path =
      kind === 'webhook' ? '/webhooks/idenfy' : kind === 'challenge' ? '/login/challenge' : '/healthz';
    const res = await fetch(`${server.url}${path}`, {
      ...request,
      signal: AbortSignal.timeout(20_000),
    }).catch(() => undefined);
    await res?.arrayBuffer();
    answers.push({
      kind,
      ...(kind === 'webhook' ? { body: i % bodies.length } : {}),
      status: res?.status ?? 0,
      retryAfter: res?.headers.get('retry-after') ?? null,
      startedAt,
      endedAt: Date.now(),
    });
  };
  const loops = Array.from({ length: workers }, async () => {
    while (running) await one();
  });
  return {
    answers,
    async stop() {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
}

async function until(condition: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 600 && !(await condition()); i++) await new Promise((r) => setTimeout(r, 50));
  expect(await condition()).toBe(true);
}

const healthy = async () => (await fetch(`${server.url}/healthz`).catch(() => undefined))?.status === 200;

describe('PostgreSQL frozen, stopped and restarted under load', () => {
  it('503 with Retry-After while it is gone, recovery without a restart, nothing lost or doubled', {
    timeout: 120_000,
  }, async () => {
    const bodies = await openSessions();
    const running = load(bodies);
    await until(() => running.answers.filter((a) => a.status === 200).length >= 10);

    // Frozen: connections stay open, nothing answers.
    await postgres.freeze();
    const frozenAt = Date.now();
    await until(() => running.answers.filter((a) => a.startedAt > frozenAt && a.status === 503).length >= 12);
    const thawedAt = Date.now();
    await postgres.thaw();
    await until(healthy);
    const recoveredAt = Date.now();
    await until(
      () => running.answers.filter((a) => a.startedAt > recoveredAt && a.status === 200).length >= 10,
    );

    // Stopped: connections refused; then started again on the same data.
    await postgres.stop();
    const stoppedAt = Date.now();
    await until(
      () => running.answers.filter((a) => a.startedAt > stoppedAt && a.status === 503).length >= 12,
    );
    const restartingAt = Date.now();
    await postgres.start();
    await until(healthy);
    const restartedAt = Date.now();
    await until(
      () => running.answers.filter((a) => a.startedAt > restartedAt && a.status === 200).length >= 10,
    );
    const answers = await running.stop();
    const during = (from: number, to: number) => answers.filter((a) => a.startedAt > from && a.endedAt < to);

    // Every request was answered: 200, or 503 with Retry-After. Nothing hung, nothing else.
    for (const a of answers) {
      expect([200, 503], JSON.stringify(a)).toContain(a.status);
      if (a.status === 503) expect(Number(a.retryAfter)).toBeGreaterThan(0);
    }
    // While the database was frozen or stopped, nothing that started then succeeded.
    expect(during(frozenAt, thawedAt).every((a) => a.status === 503)).toBe(true);
    expect(during(stoppedAt, restartingAt).every((a) => a.status === 503)).toBe(true);
    // The same server process throughout: it recovered by itself.
    expect(server.output()).not.toMatch(/failed to start|unhandled error/);

    // iDenfy repeats every delivery we did not acknowledge.
    const acknowledged = new Set(
      answers.filter((a) => a.kind === 'webhook' && a.status === 200).map((a) => a.body),
    );
    for (const [i, body] of bodies.entries()) {
      if (acknowledged.has(i)) continue;
      const res = await fetch(`${server.url}/webhooks/idenfy`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'idenfy-signature': idenfySignature(body) },
      });
      expect(res.status).toBe(200);
    }
    const events = await db.selectFrom('webhook_events').selectAll().execute();
    expect(events).toHaveLength(N);
    for (const [i, body] of bodies.entries()) {
      const event = events.find(
        (e) => e.event_key === `idenfy:${createHash('sha256').update(body).digest('hex')}`,
      );
      expect(event?.outcome).toBe('moved:completed');
      const sent = answers.filter((a) => a.body === i);
      const ok = sent.filter((a) => a.status === 200).length;
      // Each acknowledged delivery counted; a 503 counted at most when its commit raced the fault.
      expect(event?.delivery_count).toBeGreaterThanOrEqual(Math.max(1, ok));
      expect(event?.delivery_count).toBeLessThanOrEqual(sent.length + 1);
    }
    const users = await db
      .selectFrom('users')
      .select('kyc_status')
      .where('email', 'like', 'fault-%')
      .execute();
    expect(users.map((u) => u.kyc_status)).toEqual(Array(N).fill('completed'));
    // Every acknowledged code request left its challenge row.
    const challenges = await db
      .selectFrom('login_challenges')
      .select('email')
      .where('email', 'like', 'load-%')
      .execute();
    expect(challenges.length).toBeGreaterThanOrEqual(
      answers.filter((a) => a.kind === 'challenge' && a.status === 200).length,
    );

    await expectNoSecretsLogged(server.output().split('\n'), db, CONFIGURED_SECRETS);
  });
});
