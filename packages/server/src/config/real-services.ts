import type { EnvReader } from '@hero-onboarding/env';

/**
 * The variables that mean a real outside service is configured. Any of them turns every dev convenience
 * (codes in responses, the iDenfy simulator, demo KYC) off by default and makes asking for one an error:
 * a server that mails real codes or talks to a real provider is a real deployment, whatever NODE_ENV says.
 * A provider key counts unless that provider is explicitly pointed at a stand-in (`IDENFY_DEV_MODE=true`).
 */
export function realServicesConfigured(env: EnvReader): string[] {
  const found: string[] = [];
  if (env.string('SMTP_URL') !== undefined) found.push('SMTP_URL');
  if (env.string('IDENFY_API_KEY') !== undefined && !env.bool('IDENFY_DEV_MODE', false))
    found.push('IDENFY_API_KEY');
  return found;
}
