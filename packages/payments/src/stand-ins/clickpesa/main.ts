import { closeOnSignal, optionalEnv, portEnv, requiredEnv } from '../common/main-env';
import { startClickPesaStandIn } from './server';

// Standalone: `tsx packages/payments/src/stand-ins/clickpesa/main.ts`. Prints its API URL (CLICKPESA_API_URL) only.
const LABEL = 'ClickPesa stand-in';
const webhookUrl = optionalEnv('CLICKPESA_STAND_IN_WEBHOOK_URL');
const returnUrl = optionalEnv('CLICKPESA_STAND_IN_RETURN_URL');
const publicUrl = optionalEnv('CLICKPESA_STAND_IN_PUBLIC_URL');
const host = optionalEnv('HOST');
try {
  const stand = await startClickPesaStandIn({
    clientId: requiredEnv('CLICKPESA_CLIENT_ID', LABEL),
    apiKey: requiredEnv('CLICKPESA_API_KEY', LABEL),
    checksumKey: requiredEnv('CLICKPESA_CHECKSUM_KEY', LABEL),
    port: portEnv(LABEL),
    ...(host ? { hostname: host } : {}),
    ...(webhookUrl ? { webhookUrl } : {}),
    ...(returnUrl ? { returnUrl } : {}),
    ...(publicUrl ? { publicUrl } : {}),
  });
  console.log(stand.apiUrl);
  closeOnSignal(() => stand.close());
} catch (error) {
  console.error(`${LABEL}: ${error instanceof Error ? error.message : 'could not start'}`);
  process.exit(1);
}
