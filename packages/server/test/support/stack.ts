import type { AddressInfo } from 'node:net';
import { createTestDatabase } from '@hero-onboarding/db/testing';
import type { Database } from '@hero-onboarding/generated/onboarding';
import { IdenfyProvider } from '@hero-onboarding/kyc';
import { startIdenfySimulator } from '@hero-onboarding/kyc/simulator';
import { startClickPesaStandIn, startStripeStandIn } from '@hero-onboarding/payments/stand-ins';
import { serve } from '@hono/node-server';
import type { Kysely } from 'kysely';
import { createApp } from '../../src/app';
import { type CodeSender, devLogCodeSender } from '../../src/auth/code-sender';
import { loadConfig, type ServerConfig } from '../../src/config';
import type { AppDeps } from '../../src/context';
import { createMemoryLogger } from '../../src/logger';
import { startPaymentProviders } from '../../src/payments/start-providers';
import { HttpClient } from './http-client';
import { expectNoSecretsLogged } from './log-leaks';

export const IDENFY = {
  apiKey: 'test-idenfy-key',
  apiSecret: 'test-idenfy-secret',
  webhookSecret: 'test-idenfy-webhook-secret',
};
export const STRIPE = { secretKey: 'sk_test_hero_stack', webhookSecret: 'whsec_hero_stack_secret' };
export const CLICKPESA = {
  clientId: 'hero-stack-client',
  apiKey: 'hero-stack-api-key',
  checksumKey: 'hero-stack-checksum',
};
export const ADMIN_API_TOKEN = 'test-admin-api-token-0123456789abcdef';
export const ADMIN_EMAIL = 'admin@example.com';
export const SESSION_SECRET = 'test-session-secret-0123456789abcdefghij';
/** Every configured secret of a test stack: none may ever reach a log line. */
export const CONFIGURED_SECRETS = [
  SESSION_SECRET,
  ADMIN_API_TOKEN,
  IDENFY.apiKey,
  IDENFY.apiSecret,
  IDENFY.webhookSecret,
  STRIPE.secretKey,
  STRIPE.webhookSecret,
  CLICKPESA.apiKey,
  CLICKPESA.checksumKey,
];

/** Live Stripe and ClickPesa settings pointed at stand-ins, with the test keys `support/payments.ts` signs with. */
export function standInPaymentEnv(urls: { stripe: string; clickpesa: string }): Record<string, string> {
  return {
    STRIPE_SECRET_KEY: STRIPE.secretKey,
    STRIPE_WEBHOOK_SECRET: STRIPE.webhookSecret,
    STRIPE_API_URL: urls.stripe,
    CLICKPESA_CLIENT_ID: CLICKPESA.clientId,
    CLICKPESA_API_KEY: CLICKPESA.apiKey,
    CLICKPESA_CHECKSUM_KEY: CLICKPESA.checksumKey,
    CLICKPESA_API_URL: urls.clickpesa,
  };
}

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;

/**
 * A real server on a free port, over a fresh migrated database, talking to the iDenfy simulator and the
 * Stripe and ClickPesa stand-ins over real HTTP (each delivers its signed webhooks back to this server).
 * The payment adapters are built by the server's own wiring, in live mode pointed at the stand-ins.
 */
export async function startTestStack(
  options: {
    env?: Record<string, string>;
    codeSender?: CodeSender;
    /** Point the server's iDenfy client here instead of the simulator (a failing stand-in, say). */
    kycProviderUrl?: string;
    /** Where signIn() reads a mailed code when the server is not in dev mode (see mail-stack.ts). */
    mailedCode?: (email: string) => string;
    database?: { url: string; db: Kysely<Database> };
  } = {},
) {
  const owned = options.database === undefined ? await createTestDatabase() : undefined;
  const db = (options.database?.db ?? owned?.db) as Kysely<Database>;
  const databaseUrl = options.database?.url ?? (owned?.url as string);
  const webhookSecret = options.env?.IDENFY_WEBHOOK_SECRET ?? IDENFY.webhookSecret;
  const simulator = await startIdenfySimulator({ ...IDENFY, webhookSecret, port: 0 });
  const logger = createMemoryLogger();
  let app: ReturnType<typeof createApp> | undefined;
  const server = serve({
    // The bindings carry the socket, so the app sees the caller's address as in production.
    fetch: (req, bindings) => (app as ReturnType<typeof createApp>).fetch(req, bindings),
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const stripe = await startStripeStandIn({ ...STRIPE, webhookUrl: `${baseUrl}/webhooks/stripe` });
  const clickpesa = await startClickPesaStandIn({
    ...CLICKPESA,
    webhookUrl: `${baseUrl}/webhooks/clickpesa`,
    returnUrl: `${baseUrl}/payment/return`,
  });
  const config: ServerConfig = loadConfig({
    NODE_ENV: 'test',
    ONBOARDING_DEV_MODE: 'true',
    IDENFY_DEV_MODE: 'true',
    IDENFY_API_URL: simulator.url,
    IDENFY_API_KEY: IDENFY.apiKey,
    IDENFY_API_SECRET: IDENFY.apiSecret,
    IDENFY_WEBHOOK_SECRET: webhookSecret,
    PUBLIC_URL: baseUrl,
    ADMIN_EMAILS: ADMIN_EMAIL,
    ADMIN_API_TOKEN,
    SESSION_SECRET,
    TRUST_PROXY: 'true',
    ...standInPaymentEnv({ stripe: stripe.url, clickpesa: clickpesa.apiUrl }),
    TOPUP_CURRENCIES: 'USD,TZS,EUR',
    ...options.env,
  });
  const kycProvider = new IdenfyProvider({
    ...IDENFY,
    webhookSecret,
    baseUrl: options.kycProviderUrl ?? simulator.url,
    timeoutMs: config.idenfy.timeoutMs,
  });
  const payments = await startPaymentProviders(config, logger);
  const deps: AppDeps = {
    db,
    config,
    logger,
    now: () => new Date(),
    kycProvider,
    codeSender: options.codeSender ?? devLogCodeSender(logger),
    paymentProviders: payments.paymentProviders,
  };
  app = createApp(deps);

  return {
    app,
    db,
    databaseUrl,
    simulator,
    stripe,
    clickpesa,
    logger,
    deps,
    config,
    baseUrl,
    client: () => new HttpClient(baseUrl),
    /** Signs a new client in through the HTTP routes (dev mode returns the code). */
    async signIn(email: string, client = new HttpClient(baseUrl)) {
      const challenge = await client.post(
        '/login/challenge',
        { email },
        { 'x-forwarded-for': `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
      );
      if (challenge.status !== 200)
        throw new Error(`challenge failed: ${challenge.status} ${challenge.text}`);
      const code = challenge.json.dev_code ?? options.mailedCode?.(email);
      const verified = await client.post('/login/verify', { email, code });
      if (verified.status !== 200) throw new Error(`verify failed: ${verified.status} ${verified.text}`);
      return { client, user: verified.json.user as { id: string; email: string; role: string } };
    },
    /** Stops everything, after checking that nothing secret or personal was logged by this stack. */
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      try {
        await expectNoSecretsLogged(logger.lines, db, CONFIGURED_SECRETS);
      } finally {
        await Promise.all([simulator.close(), stripe.close(), clickpesa.close(), payments.close()]);
        await owned?.destroy();
      }
    },
  };
}
