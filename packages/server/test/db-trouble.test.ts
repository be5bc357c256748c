import type { Database } from '@hero-onboarding/generated/onboarding';
import { IdenfyProvider } from '@hero-onboarding/kyc';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { devLogCodeSender } from '../src/auth/code-sender';
import { loadConfig } from '../src/config';
import { createMemoryLogger } from '../src/logger';
import { freePort } from '../src/testing/server-process';

describe('an unreachable database', async () => {
  // A port nothing listens on: every query fails to connect, as when the database is down.
  const deadPort = await freePort();
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({
        connectionString: `postgres://postgres:secret-password@127.0.0.1:${deadPort}/x`,
        connectionTimeoutMillis: 500,
      }),
    }),
  });
  afterAll(() => db.destroy());
  const logger = createMemoryLogger();
  const config = loadConfig({ SESSION_SECRET: 'test-session-secret-0123456789abcdefghij' });
  const app = createApp({
    db,
    config,
    logger,
    now: () => new Date(),
    kycProvider: new IdenfyProvider({
      apiKey: 'k',
      apiSecret: 's',
      webhookSecret: 'w',
      baseUrl: 'http://127.0.0.1:1',
    }),
    codeSender: devLogCodeSender(logger),
    paymentProviders: {},
  });

  it('answers 503 with Retry-After on data routes and /healthz, never a 500', async () => {
    for (const [method, path, body] of [
      ['GET', '/healthz', undefined],
      ['POST', '/login/challenge', { email: 'a@example.com' }],
      [
        'POST',
        '/login/verify',
        { email: 'a@example.com', code: '123456', challenge_id: '00000000-0000-4000-8000-000000000000' },
      ],
    ] as const) {
      const res = await app.request(path, {
        method,
        headers: { 'content-type': 'application/json', cookie: 'hero_session=x' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(res.status, path).toBe(503);
      expect(Number(res.headers.get('retry-after')), path).toBeGreaterThan(0);
    }
    expect(logger.lines.join('\n')).not.toContain('secret-password');
  });
});
