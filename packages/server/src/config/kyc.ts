import type { EnvReader } from '@hero-onboarding/env';
import { type RuntimeConfig, refuseDevConvenience } from './runtime';

export interface KycConfig {
  /** Completes KYC with no provider at all; refused in production. */
  readonly demoMode: boolean;
  readonly suspectedCompletes: boolean;
  readonly maxRemints: number;
  readonly mintLeaseSeconds: number;
  readonly statusCheckIntervalSeconds: number;
}

export function readKycConfig(env: EnvReader, runtime: RuntimeConfig): KycConfig {
  const demoMode = env.bool('KYC_DEMO_MODE', false);
  if (demoMode) refuseDevConvenience(runtime.production, runtime.realServices, 'KYC_DEMO_MODE');
  return {
    demoMode,
    suspectedCompletes: env.bool('KYC_SUSPECTED_COMPLETES', true),
    maxRemints: env.int('KYC_MAX_REMINTS', 10, { max: 1000 }),
    mintLeaseSeconds: env.int('KYC_MINT_LEASE_SECONDS', 30, { min: 1, max: 600 }),
    statusCheckIntervalSeconds: env.int('KYC_STATUS_CHECK_INTERVAL_SECONDS', 30, { max: 86_400 }),
  };
}
