import { createHmac } from 'node:crypto';
import type { ReceivedWebhook } from './receiver';

/** Signs a body the way Stripe documents it, independently of the SDK and of the stand-in. */
export function stripeSigned(
  secret: string,
  body: string,
  timestampSeconds = Math.floor(Date.now() / 1000),
): ReceivedWebhook {
  const v1 = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return {
    body: new TextEncoder().encode(body),
    headers: { 'stripe-signature': `t=${timestampSeconds},v1=${v1}` },
  };
}
