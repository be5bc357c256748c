import { startIdenfySimulator } from './server';

// Standalone: `tsx packages/kyc/src/simulator/main.ts`. Prints where it listens, never the keys.
function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`iDenfy simulator: ${name} must be set`);
    process.exit(1);
  }
  return value;
}

const port = Number(process.env.PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error('iDenfy simulator: PORT must be a whole number from 0 to 65535');
  process.exit(1);
}
const callback = process.env.IDENFY_SIM_CALLBACK_URL;
const sim = await startIdenfySimulator({
  apiKey: env('IDENFY_API_KEY'),
  apiSecret: env('IDENFY_API_SECRET'),
  webhookSecret: env('IDENFY_WEBHOOK_SECRET'),
  port,
  ...(process.env.HOST ? { hostname: process.env.HOST } : {}),
  ...(process.env.IDENFY_SIM_PUBLIC_URL ? { publicUrl: process.env.IDENFY_SIM_PUBLIC_URL } : {}),
  ...(callback ? { defaultCallbackUrl: callback } : {}),
});
console.log(`iDenfy simulator listening on ${sim.url} (IDENFY_API_URL=${sim.url})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void sim.close().finally(() => process.exit(0)));
}
