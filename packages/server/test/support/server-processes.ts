import type { Database } from '@hero-onboarding/generated/onboarding';
import type { Kysely } from 'kysely';
import { HttpClient } from './http-client';
import { IDENFY, SESSION_SECRET } from './stack';
import { idenfyResult } from './webhook';

/**
 * The environment of a server process (`startServerProcess`) in dev mode whose iDenfy is the simulator at
 * `idenfyUrl`, with the test keys `support/webhook.ts` signs with; `more` adds to it or overrides it.
 */
export function devServerEnv(idenfyUrl: string, more: Record<string, string> = {}): Record<string, string> {
  return {
    ONBOARDING_DEV_MODE: 'true',
    IDENFY_DEV_MODE: 'true',
    IDENFY_API_URL: idenfyUrl,
    IDENFY_API_KEY: IDENFY.apiKey,
    IDENFY_API_SECRET: IDENFY.apiSecret,
    IDENFY_WEBHOOK_SECRET: IDENFY.webhookSecret,
    SESSION_SECRET,
    ...more,
  };
}

/**
 * Signs `email` in on a dev-mode server (its answer carries the code) and opens their KYC session; returns
 * the signed-in client and the body of an APPROVED final iDenfy result for that session (sign it with
 * `idenfySignature`).
 */
export async function approvableSession(serverUrl: string, db: Kysely<Database>, email: string) {
  const client = new HttpClient(serverUrl);
  const { json } = await client.post('/login/challenge', { email });
  const verified = await client.post('/login/verify', { email, code: json.dev_code });
  if (verified.status !== 200) throw new Error(`verify answered ${verified.status}: ${verified.text}`);
  const start = await client.get('/kyc/start');
  if (start.status !== 302) throw new Error(`kyc/start answered ${start.status}: ${start.text}`);
  const userId: string = verified.json.user.id;
  const session = await db
    .selectFrom('kyc_sessions')
    .select(['idenfy_scan_ref', 'client_id'])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  const result = idenfyResult({
    scanRef: session.idenfy_scan_ref as string,
    clientId: session.client_id,
    overall: 'APPROVED',
    final: true,
  });
  return { client, userId, scanRef: session.idenfy_scan_ref as string, body: JSON.stringify(result) };
}
