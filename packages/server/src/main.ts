import { defaultMigrationsDir, migrate, openDatabase } from '@hero-onboarding/db';
import { type Database, piiFieldsByTable } from '@hero-onboarding/generated/onboarding';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startReconcileTimer } from './payments/reconcile-timer';
import { startProviders } from './providers';

/** `npm start`: config -> database (embedded unless DATABASE_URL) -> migrations -> providers -> HTTP. */
async function main() {
  const startedAt = performance.now();
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, redactKeys: Object.values(piiFieldsByTable).flat() });
  const dbLogger = { info: (m: string) => logger.info(m), warn: (m: string) => logger.warn(m) };
  const database = await openDatabase<Database>({ logger: dbLogger });
  const applied = await migrate(database.pool, { dir: defaultMigrationsDir, logger: dbLogger });
  logger.info(`migrations: ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}`);
  const providers = await startProviders(config, logger);
  const deps = { db: database.db, config, logger, now: () => new Date(), ...providers };
  const app = createApp(deps);
  const reconciler = startReconcileTimer(deps, config.payments.reconcileIntervalSeconds);

  const server = serve({ fetch: app.fetch, port: config.http.port, hostname: config.http.host }, (info) => {
    logger.info(
      `hero-onboarding listening on http://${config.http.host}:${info.port} (public URL ${config.http.publicUrl}) after ${Math.round(performance.now() - startedAt)} ms`,
    );
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    server.close();
    await reconciler.stop();
    await providers.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`configuration error: ${error.message}\n`);
  } else {
    process.stderr.write(`failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
