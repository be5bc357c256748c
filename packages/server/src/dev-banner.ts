import type { ServerConfig } from './config';

/**
 * The warning a dev-mode start prints, one item per convenience that is on; empty when none is. Dev
 * mode must never pass unnoticed: in it, anyone who reaches the port can sign in as anyone.
 */
export function devModeWarnings(config: ServerConfig): string[] {
  const on: string[] = [];
  if (config.devMode)
    on.push(
      'ONBOARDING_DEV_MODE: sign-in codes are logged and returned as dev_code; anyone who reaches this port can sign in as anyone, ADMIN_EMAILS included',
    );
  if (config.idenfy.devMode) on.push('IDENFY_DEV_MODE: iDenfy is simulated; no real identity check happens');
  if (config.kyc.demoMode) on.push('KYC_DEMO_MODE: KYC completes without any provider');
  if (config.payments.stripe.mode === 'stand-in')
    on.push('STRIPE_SECRET_KEY is unset: Stripe is a local stand-in; top-ups are "paid" without real money');
  if (config.payments.clickpesa.mode === 'stand-in')
    on.push(
      'CLICKPESA_API_KEY is unset: ClickPesa is a local stand-in; top-ups are "paid" without real money',
    );
  if (on.length === 0) return [];
  const loopback =
    config.http.host === '127.0.0.1' || config.http.host === '::1' || config.http.host === 'localhost';
  on.push(
    loopback
      ? `listening on ${config.http.host} only (set HOST to change that)`
      : `listening on ${config.http.host}: REACHABLE FROM OTHER MACHINES because HOST says so`,
  );
  return on;
}

/** The same as a box for a terminal, so a person starting the server cannot miss it. */
export function devModeBanner(warnings: readonly string[]): string {
  const rule = '!'.repeat(78);
  return [rule, '!! DEV MODE: NOT FOR REAL USERS', ...warnings.map((w) => `!! - ${w}`), rule, ''].join('\n');
}
