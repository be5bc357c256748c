import { openDatabase } from '@hero-onboarding/db';
import { type Database, piiFieldsByTable } from '@hero-onboarding/generated/onboarding';
import { ConfigError, loadConfig, type ServerConfig } from '../config';
import { createLogger } from '../logger';
import { reconcile } from './reconcile';
import { startPaymentProviders } from './start-providers';

/**
 * `npm run reconcile`: one sweep over top-ups left pending past their checkout's life, then exit (0 when
 * the sweep ran, 1 when it could not). Schedule it (cron) or set RECONCILE_INTERVAL_SECONDS on the server.
 * A provider in stand-in mode without an API URL is skipped: a stand-in started here would know nothing
 * of the server's checkouts.
 */
async function main(): Promise<number> {
  const loaded = loadConfig();
  const logger = createLogger({ level: loaded.logLevel, redactKeys: Object.values(piiFieldsByTable).flat() });
  const config = withoutPrivateStandIns(loaded, (name) =>
    logger.warn(`reconcile: ${name} is in stand-in mode without its API URL; skipped`),
  );
  const dbLogger = { info: (m: string) => logger.info(m), warn: (m: string) => logger.warn(m) };
  const database = await openDatabase<Database>({ logger: dbLogger });
  const providers = await startPaymentProviders(config, logger);
  try {
    const summary = await reconcile(
      {
        db: database.db,
        config,
        logger,
        now: () => new Date(),
        paymentProviders: providers.paymentProviders,
      },
      { limit: 1000 },
    );
    process.stdout.write(`${JSON.stringify({ reconcile: summary })}\n`);
    return 0;
  } finally {
    await providers.close();
    await database.close();
  }
}

function withoutPrivateStandIns(config: ServerConfig, skipped: (name: string) => void): ServerConfig {
  const { stripe, clickpesa } = config.payments;
  const privateStandIn = (setup: { mode: string; apiUrl?: string | undefined }) =>
    setup.mode === 'stand-in' && setup.apiUrl === undefined;
  if (privateStandIn(stripe)) skipped('Stripe');
  if (privateStandIn(clickpesa)) skipped('ClickPesa');
  return {
    ...config,
    payments: {
      ...config.payments,
      stripe: privateStandIn(stripe) ? { mode: 'off' } : stripe,
      clickpesa: privateStandIn(clickpesa) ? { mode: 'off' } : clickpesa,
    },
  };
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `reconcile: ${error instanceof ConfigError ? 'configuration error: ' : ''}${message}\n`,
    );
    process.exitCode = 1;
  },
);
