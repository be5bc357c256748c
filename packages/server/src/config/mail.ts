import { ConfigError, type EnvReader } from '@hero-onboarding/env';
import type { RuntimeConfig } from './runtime';

export interface MailConfig {
  /** Unset only in dev mode, where codes go to the log. */
  readonly smtpUrl: string | undefined;
  readonly from: string;
}

export function readMailConfig(env: EnvReader, runtime: RuntimeConfig): MailConfig {
  const smtpUrl = env.string('SMTP_URL');
  if (smtpUrl === undefined && !runtime.devMode)
    throw new ConfigError('SMTP_URL', 'is required unless ONBOARDING_DEV_MODE=true');
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl))
    throw new ConfigError('SMTP_URL', 'must be an smtp:// or smtps:// URL');
  return { smtpUrl, from: env.string('MAIL_FROM') ?? 'hero-onboarding <no-reply@localhost>' };
}
