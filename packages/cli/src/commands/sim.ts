import { loadConfig } from '@hero-onboarding/server';
import { childEnv, type Env, settingsFrom } from '../env/forwarded';
import { modeOf, SettingsError } from '../env/validate';
import { ENTRY } from '../paths';
import { runToEnd } from './one-shot';

export interface SimOptions {
  readonly port: string;
  readonly host: string;
  readonly callbackUrl: string | undefined;
}

/**
 * `sim idenfy`: the iDenfy simulator as its own process, with the same keys the server uses (yours, or
 * the server's dev values), delivering webhooks to the server. Dev and tests only: refused in production.
 */
export function simIdenfy(source: Env, options: SimOptions): Promise<number> {
  const settings = settingsFrom(source);
  if (settings.NODE_ENV === 'production')
    throw new SettingsError(
      'NODE_ENV',
      'must not be production: simulators are for development and tests',
      'iDenfy simulator',
      modeOf(settings),
    );
  // The server's own reading of the keys, as in IDENFY_DEV_MODE, so both sides agree without copying defaults.
  const { idenfy, http } = loadConfig({
    IDENFY_DEV_MODE: 'true',
    IDENFY_API_KEY: settings.IDENFY_API_KEY,
    IDENFY_API_SECRET: settings.IDENFY_API_SECRET,
    IDENFY_WEBHOOK_SECRET: settings.IDENFY_WEBHOOK_SECRET,
    PORT: settings.PORT,
    PUBLIC_URL: settings.PUBLIC_URL,
  });
  const env = {
    ...childEnv(source, {}, 'server'),
    IDENFY_API_KEY: idenfy.apiKey,
    IDENFY_API_SECRET: idenfy.apiSecret,
    IDENFY_WEBHOOK_SECRET: idenfy.webhookSecret,
    PORT: options.port,
    HOST: options.host,
    IDENFY_SIM_CALLBACK_URL: options.callbackUrl ?? `${http.publicUrl}/webhooks/idenfy`,
  };
  process.stdout.write(
    `hero-onboarding sim idenfy: the server uses it with IDENFY_DEV_MODE=true IDENFY_API_URL=http://${options.host}:${options.port}\n`,
  );
  return runToEnd('idenfy', ENTRY.idenfySimulator, [], env);
}
