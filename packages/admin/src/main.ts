import { createLogger } from '@hero-onboarding/server/logger';
import { serve } from '@hono/node-server';
import { createAdminApp } from './app';
import { ConfigError, loadAdminConfig } from './config';
import { serverApi } from './server-api';

/** The admin view as a process: config -> app -> HTTP; SIGINT/SIGTERM close it. */
function main() {
  const config = loadAdminConfig();
  const logger = createLogger({ level: config.logLevel, redactKeys: ['email'] });
  const api = serverApi({ serverUrl: config.serverUrl, apiToken: config.apiToken });
  const app = createAdminApp({ config, api, logger });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info(
      `hero-onboarding admin listening on http://${config.host}:${info.port} (public URL ${config.publicUrl}; server ${config.serverUrl})`,
    );
    if (config.sessionSecretGenerated)
      logger.warn(
        'ADMIN_SESSION_SECRET is not set: generated one for this run; admins sign in again after a restart',
      );
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    server.close(() => process.exit(0));
    // Keep-alive browsers hold connections open; do not wait on them.
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

try {
  main();
} catch (error) {
  process.stderr.write(
    error instanceof ConfigError
      ? `admin configuration error: ${error.message}\n`
      : `admin failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
