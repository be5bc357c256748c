/**
 * Part of `npm run bench`: how quickly the server answers 503 when PostgreSQL is frozen (SIGSTOP) or
 * stopped, and how quickly it serves again once the database is back, without a restart. On a dedicated
 * embedded cluster, with the default timeouts (DATABASE_*_TIMEOUT_MS).
 */
import { openDatabase } from '@hero-onboarding/db';
import { startDedicatedPostgres } from '@hero-onboarding/db/testing';
import type { Database } from '@hero-onboarding/generated/onboarding';
import { IdenfyProvider } from '@hero-onboarding/kyc';
import { createApp, createLogger, loadConfig } from '@hero-onboarding/server';

export async function benchDatabaseFaults(): Promise<string[]> {
  const postgres = await startDedicatedPostgres();
  const database = await openDatabase<Database>({
    url: await postgres.createDatabase(),
    logger: { info: () => {}, warn: () => {} },
  });
  const logger = createLogger({ write: () => {} });
  const app = createApp({
    db: database.db,
    config: loadConfig({ ONBOARDING_DEV_MODE: 'true' }),
    logger,
    now: () => new Date(),
    kycProvider: new IdenfyProvider({
      apiKey: 'k',
      apiSecret: 's',
      webhookSecret: 'w',
      baseUrl: 'http://127.0.0.1:1',
    }),
    codeSender: { channel: 'bench', send: async () => {} },
    paymentProviders: {},
  });
  const health = async () => (await app.request('/healthz')).status;
  const timed = async () => {
    const start = performance.now();
    const status = await health();
    return { status, ms: performance.now() - start };
  };
  const untilHealthy = async () => {
    const start = performance.now();
    while ((await health()) !== 200) await new Promise((r) => setTimeout(r, 10));
    return performance.now() - start;
  };
  const summary = (runs: { status: number; ms: number }[]) => {
    const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
    const statuses = [...new Set(runs.map((r) => r.status))].join('/');
    return `${statuses} after ${ms[0]?.toFixed(0)}-${ms.at(-1)?.toFixed(0)} ms`;
  };
  try {
    await Promise.all(Array.from({ length: 10 }, () => health())); // a full pool of idle connections
    await postgres.freeze();
    const frozenIdle = await Promise.all(Array.from({ length: 10 }, () => timed()));
    const frozenNew = [await timed(), await timed(), await timed()];
    await postgres.thaw();
    const thawed = await untilHealthy();
    await postgres.stop();
    const stopped = [await timed(), await timed(), await timed()];
    await postgres.start();
    const restarted = await untilHealthy();
    return [
      `database frozen: ${summary(frozenIdle)} on pooled connections, ${summary(frozenNew)} for new ones; 200 again ${thawed.toFixed(0)} ms after SIGCONT`,
      `database stopped: ${summary(stopped)}; 200 again ${restarted.toFixed(0)} ms after it started`,
    ];
  } finally {
    await postgres.thaw();
    await database.close();
    await postgres.destroy();
  }
}
