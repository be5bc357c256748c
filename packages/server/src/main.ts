import type { Server } from 'node:http';
import { defaultMigrationsDir, migrate, openDatabase } from '@hero-onboarding/db';
import { type Database, piiFieldsByTable } from '@hero-onboarding/generated/onboarding';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { syncAdminRoles } from './auth/roles';
import { ConfigError, loadConfig } from './config';
import { devModeBanner, devModeWarnings } from './dev-banner';
import { closeGracefully } from './graceful-close';
import { createLogger } from './logger';
import { startReconcileTimer } from './payments/reconcile-timer';
import { type StartedProviders, startProviders } from './providers';
import { startPayloadPurge } from './webhooks/purge-timer';

/** `npm start`: config -> database (embedded unless DATABASE_URL) -> migrations -> providers -> HTTP. */
async function main() {
  const startedAt = performance.now();
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, redactKeys: Object.values(piiFieldsByTable).flat() });
  const warnings = devModeWarnings(config);
  if (warnings.length > 0) {
    process.stderr.write(devModeBanner(warnings));
    logger.warn('DEV MODE: not for real users', { dev_mode: warnings });
  }
  const dbLogger = { info: (m: string) => logger.info(m), warn: (m: string) => logger.warn(m) };
  const database = await openDatabase<Database>({ logger: dbLogger });
  // From here on a failed start must stop the embedded database it started, or PostgreSQL outlives us.
  let providers: StartedProviders;
  try {
    const applied = await migrate(database.pool, { dir: defaultMigrationsDir, logger: dbLogger });
    logger.info(`migrations: ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}`);
    const changedRoles = await syncAdminRoles(database.db, config.auth);
    if (changedRoles > 0)
      logger.info('user roles brought in line with ADMIN_EMAILS', { changed: changedRoles });
    providers = await startProviders(config, logger);
  } catch (error) {
    await database.close();
    throw error;
  }
  const deps = { db: database.db, config, logger, now: () => new Date(), ...providers };
  const app = createApp(deps);
  const purge = startPayloadPurge(deps, { retentionDays: config.webhooks.payloadRetentionDays });
  const reconciler = startReconcileTimer(deps, config.payments.reconcileIntervalSeconds);

  let draining = false;
  const server = serve(
    {
      // While draining, each connection closes after its response, so keep-alive clients move on.
      fetch: async (request) => {
        const response = await app.fetch(request);
        if (draining) response.headers.set('connection', 'close');
        return response;
      },
      port: config.http.port,
      hostname: config.http.host,
    },
    (info) => {
      logger.info(
        `hero-onboarding listening on http://${config.http.host}:${info.port} (public URL ${config.http.publicUrl}) after ${Math.round(performance.now() - startedAt)} ms`,
      );
    },
  ) as Server;

  // SIGTERM: stop accepting, finish what was accepted, then close the pool and the embedded database.
  const stop = async (signal: string, exitCode = 0) => {
    if (draining) return;
    draining = true;
    logger.info(`${signal}: shutting down; finishing requests in flight`);
    const drained = await closeGracefully(server, config.http.shutdownTimeoutMs);
    if (drained === 'cut off') logger.warn('shutdown: requests still running at the deadline were cut off');
    await purge.stop();
    await reconciler.stop();
    await providers.close();
    await database.close();
    logger.info('stopped');
    process.exit(exitCode);
  };
  // A port already taken: say so and stop everything started so far (the embedded database too).
  server.once('error', (error) => {
    logger.error(`cannot listen on ${config.http.host}:${config.http.port}: ${error.message}`);
    void stop('listen error', 1);
  });
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
