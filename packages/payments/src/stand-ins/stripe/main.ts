import { closeOnSignal, optionalEnv, portEnv, requiredEnv } from '../common/main-env';
import { startStripeStandIn } from './server';

// Standalone: `tsx packages/payments/src/stand-ins/stripe/main.ts`. Prints its URL (STRIPE_API_URL) and nothing else.
const LABEL = 'Stripe stand-in';
const webhookUrl = optionalEnv('STRIPE_STAND_IN_WEBHOOK_URL');
const publicUrl = optionalEnv('STRIPE_STAND_IN_PUBLIC_URL');
const host = optionalEnv('HOST');
try {
  const stand = await startStripeStandIn({
    secretKey: requiredEnv('STRIPE_SECRET_KEY', LABEL),
    webhookSecret: requiredEnv('STRIPE_WEBHOOK_SECRET', LABEL),
    port: portEnv(LABEL),
    ...(host ? { hostname: host } : {}),
    ...(webhookUrl ? { webhookUrl } : {}),
    ...(publicUrl ? { publicUrl } : {}),
  });
  console.log(stand.url);
  closeOnSignal(() => stand.close());
} catch (error) {
  console.error(`${LABEL}: ${error instanceof Error ? error.message : 'could not start'}`);
  process.exit(1);
}
