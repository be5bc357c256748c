import type { EnvReader } from '@hero-onboarding/env';

/**
 * The variables that mean a real outside service is configured. Any of them turns every dev convenience
 * (codes in responses, the iDenfy simulator, the payment stand-ins, demo KYC) off by default and makes
 * asking for one an error: a server that mails real codes or talks to a real provider is a real
 * deployment, whatever NODE_ENV says. A provider key counts unless that provider is pointed at a
 * stand-in: `IDENFY_DEV_MODE=true` for iDenfy; for Stripe and ClickPesa, an API URL on another host
 * than theirs. Stripe's test keys (`sk_test_`) are its sandbox and do not count.
 */
export function realServicesConfigured(env: EnvReader): string[] {
  const found: string[] = [];
  if (env.string('SMTP_URL') !== undefined) found.push('SMTP_URL');
  if (env.string('IDENFY_API_KEY') !== undefined && !env.bool('IDENFY_DEV_MODE', false))
    found.push('IDENFY_API_KEY');
  // Stripe's test mode is its sandbox (no money moves), so only a live key counts.
  const stripeKey = env.string('STRIPE_SECRET_KEY');
  if (
    stripeKey !== undefined &&
    /^(sk|rk)_live_/.test(stripeKey) &&
    reaches(env, 'STRIPE_API_URL', 'stripe.com')
  )
    found.push('STRIPE_SECRET_KEY');
  const clickpesaKey = env.string('CLICKPESA_API_KEY') ?? env.string('CLICKPESA_CLIENT_ID');
  if (clickpesaKey !== undefined && reaches(env, 'CLICKPESA_API_URL', 'clickpesa.com'))
    found.push('CLICKPESA_API_KEY');
  return found;
}

/** Whether the provider's URL variable is unset (its real API is the default) or names its own domain. */
function reaches(env: EnvReader, variable: string, domain: string): boolean {
  const url = env.string(variable);
  if (url === undefined || !URL.canParse(url)) return true;
  const host = new URL(url).hostname;
  return host === domain || host.endsWith(`.${domain}`);
}
