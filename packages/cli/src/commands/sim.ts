import { loadConfig } from '@hero-onboarding/server';
import { childEnv, type Env, settingsFrom } from '../env/forwarded';
import { modeOf, named, SettingsError } from '../env/validate';
import { ENTRY } from '../paths';
import { runToEnd } from './one-shot';

export type Simulator = 'idenfy' | 'stripe' | 'clickpesa';

export interface SimOptions {
  readonly port: string;
  readonly host: string;
  /** Where the simulator delivers its signed webhooks (default: the server's PUBLIC_URL route). */
  readonly webhookUrl: string | undefined;
}

/**
 * `sim idenfy|stripe|clickpesa`: one provider stand-in as its own process, with the keys the server uses
 * (yours, or the server's own dev values, read through its `loadConfig` so both sides always agree),
 * delivering webhooks to the server. Development and tests only: refused in production.
 */
export function sim(which: Simulator, source: Env, options: SimOptions): Promise<number> {
  const settings = settingsFrom(source);
  if (settings.NODE_ENV === 'production')
    throw new SettingsError(
      'NODE_ENV',
      'must not be production: simulators are for development and tests',
      `${which} simulator`,
      modeOf(settings),
    );
  const { entry, env, serverVariable } = named(`${which} simulator`, settings, () =>
    SIMULATORS[which](settings, options),
  );
  process.stdout.write(
    `hero-onboarding sim ${which}: run the server with ${serverVariable}=<the URL printed below> to use it\n`,
  );
  return runToEnd(which, entry, [], {
    ...childEnv(source, {}, 'server'),
    ...env,
    PORT: options.port,
    HOST: options.host,
  });
}

type Setup = (
  settings: Env,
  options: SimOptions,
) => { entry: string; env: Record<string, string>; serverVariable: string };

const SIMULATORS: Record<Simulator, Setup> = {
  idenfy(settings, options) {
    const { idenfy, http } = loadConfig({
      IDENFY_DEV_MODE: 'true',
      IDENFY_API_KEY: settings.IDENFY_API_KEY,
      IDENFY_API_SECRET: settings.IDENFY_API_SECRET,
      IDENFY_WEBHOOK_SECRET: settings.IDENFY_WEBHOOK_SECRET,
      PORT: settings.PORT,
      PUBLIC_URL: settings.PUBLIC_URL,
    });
    return {
      entry: ENTRY.idenfySimulator,
      serverVariable: 'IDENFY_DEV_MODE=true IDENFY_API_URL',
      env: {
        IDENFY_API_KEY: idenfy.apiKey,
        IDENFY_API_SECRET: idenfy.apiSecret,
        IDENFY_WEBHOOK_SECRET: idenfy.webhookSecret,
        IDENFY_SIM_CALLBACK_URL: options.webhookUrl ?? `${http.publicUrl}/webhooks/idenfy`,
      },
    };
  },
  stripe(settings, options) {
    const { payments, http } = loadConfig({
      STRIPE_SECRET_KEY: settings.STRIPE_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: settings.STRIPE_WEBHOOK_SECRET,
      PORT: settings.PORT,
      PUBLIC_URL: settings.PUBLIC_URL,
    });
    const stripe = payments.stripe;
    if (stripe.mode === 'off') throw new Error('Stripe is off outside production only when misconfigured');
    return {
      entry: ENTRY.stripeStandIn,
      serverVariable: 'STRIPE_API_URL',
      env: {
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
        STRIPE_STAND_IN_WEBHOOK_URL: options.webhookUrl ?? `${http.publicUrl}/webhooks/stripe`,
      },
    };
  },
  clickpesa(settings, options) {
    const { payments, http } = loadConfig({
      CLICKPESA_CLIENT_ID: settings.CLICKPESA_CLIENT_ID,
      CLICKPESA_API_KEY: settings.CLICKPESA_API_KEY,
      CLICKPESA_CHECKSUM_KEY: settings.CLICKPESA_CHECKSUM_KEY,
      CLICKPESA_API_URL: settings.CLICKPESA_API_URL,
      PORT: settings.PORT,
      PUBLIC_URL: settings.PUBLIC_URL,
    });
    const clickpesa = payments.clickpesa;
    if (clickpesa.mode === 'off')
      throw new Error('ClickPesa is off outside production only when misconfigured');
    return {
      entry: ENTRY.clickpesaStandIn,
      serverVariable: 'CLICKPESA_API_URL',
      env: {
        CLICKPESA_CLIENT_ID: clickpesa.clientId,
        CLICKPESA_API_KEY: clickpesa.apiKey,
        CLICKPESA_CHECKSUM_KEY: clickpesa.checksumKey,
        CLICKPESA_STAND_IN_WEBHOOK_URL: options.webhookUrl ?? `${http.publicUrl}/webhooks/clickpesa`,
        CLICKPESA_STAND_IN_RETURN_URL: `${http.publicUrl}/payment/return`,
      },
    };
  },
};
