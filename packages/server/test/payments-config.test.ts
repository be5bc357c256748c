import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createMemoryLogger } from '../src/logger';
import { startPaymentProviders } from '../src/payments/start-providers';

const prod = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'x'.repeat(40),
  SMTP_URL: 'smtp://mail.example.com',
  IDENFY_API_KEY: 'k',
  IDENFY_API_SECRET: 's',
  IDENFY_WEBHOOK_SECRET: 'w',
};
const clickpesa = {
  CLICKPESA_CLIENT_ID: 'id',
  CLICKPESA_API_KEY: 'key',
  CLICKPESA_CHECKSUM_KEY: 'sum',
  CLICKPESA_API_URL: 'https://api.clickpesa.com/third-parties',
};

describe('payments configuration', () => {
  it('a bare environment: both providers are their stand-ins (started in-process), USD, sane bounds, no timer', () => {
    const { payments } = loadConfig({});
    expect(payments).toMatchObject({
      currencies: ['USD'],
      minCents: 100,
      maxCents: 1_000_000,
      checkoutTtlMinutes: 60,
      reconcileIntervalSeconds: 0,
      stripe: { mode: 'stand-in', apiUrl: undefined },
      clickpesa: { mode: 'stand-in', apiUrl: undefined },
    });
  });

  it('production without payment keys turns both providers off (no stand-in), and says so at start', async () => {
    const config = loadConfig(prod);
    expect(config.payments.stripe).toEqual({ mode: 'off' });
    expect(config.payments.clickpesa).toEqual({ mode: 'off' });
    const logger = createMemoryLogger();
    const started = await startPaymentProviders(config, logger);
    expect(started.paymentProviders).toEqual({});
    expect(logger.lines.join('\n')).toContain('no payment provider is configured');
    expect(logger.lines.join('\n')).not.toContain('stand-in');
    await started.close();
  });

  it('production with real keys: live providers, and the stand-in warning is never logged', async () => {
    const config = loadConfig({
      ...prod,
      STRIPE_SECRET_KEY: 'sk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      ...clickpesa,
    });
    expect(config.payments.stripe).toMatchObject({ mode: 'live', apiUrl: undefined });
    expect(config.payments.clickpesa).toMatchObject({ mode: 'live', apiUrl: clickpesa.CLICKPESA_API_URL });
    const logger = createMemoryLogger();
    const started = await startPaymentProviders(config, logger);
    expect(Object.keys(started.paymentProviders).sort()).toEqual(['clickpesa', 'stripe']);
    expect(logger.lines.join('\n')).not.toContain('stand-in');
    await started.close();
  });

  it.each([
    [{ STRIPE_SECRET_KEY: 'sk_live_x' }, 'STRIPE_WEBHOOK_SECRET'],
    [{ CLICKPESA_CLIENT_ID: 'id' }, 'CLICKPESA_API_KEY'],
    [{ ...clickpesa, CLICKPESA_CHECKSUM_KEY: '' }, 'CLICKPESA_CHECKSUM_KEY'],
    [{ ...clickpesa, CLICKPESA_API_URL: '' }, 'CLICKPESA_API_URL'],
    [{ TOPUP_CURRENCIES: 'USD,dollars' }, 'TOPUP_CURRENCIES'],
    [{ TOPUP_MIN_CENTS: '5000', TOPUP_MAX_CENTS: '100' }, 'TOPUP_MAX_CENTS'],
    [{ TOPUP_MIN_CENTS: '0' }, 'TOPUP_MIN_CENTS'],
    [{ PAYMENT_CHECKOUT_TTL_MINUTES: '10' }, 'PAYMENT_CHECKOUT_TTL_MINUTES'],
    [{ RECONCILE_INTERVAL_SECONDS: 'often' }, 'RECONCILE_INTERVAL_SECONDS'],
  ])('%j fails fast naming %s', (env, variable) => {
    expect(() => loadConfig({ ...prod, ...env })).toThrow(new RegExp(`^${variable}: `));
  });

  it('currencies are read case-insensitively; a malformed URL is named, its value not echoed', () => {
    expect(loadConfig({ TOPUP_CURRENCIES: 'usd, Tzs,USD' }).payments.currencies).toEqual(['USD', 'TZS']);
    expect(() => loadConfig({ STRIPE_API_URL: 'ftp://secret-host' })).toThrow(/^STRIPE_API_URL: /);
    expect(() => loadConfig({ STRIPE_API_URL: 'ftp://secret-host' })).not.toThrow(/secret-host/);
  });
});
