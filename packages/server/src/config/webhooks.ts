import type { EnvReader } from '@hero-onboarding/env';

export interface WebhooksConfig {
  /**
   * Days a delivery's raw body is kept (it can hold names and document numbers) before it is blanked;
   * its key, delivery count and outcome stay, so repeats are still recognised. 0: at the next sweep.
   */
  readonly payloadRetentionDays: number;
}

export function readWebhooksConfig(env: EnvReader): WebhooksConfig {
  return { payloadRetentionDays: env.int('WEBHOOK_PAYLOAD_RETENTION_DAYS', 7, { max: 3650 }) };
}
