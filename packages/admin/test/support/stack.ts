import type { AddressInfo } from 'node:net';
import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import type { Database } from '@hero-onboarding/generated/onboarding';
import { createMemoryLogger } from '@hero-onboarding/server';
import { startServerProcess } from '@hero-onboarding/server/testing';
import { serve } from '@hono/node-server';
import { createAdminApp } from '../../src/app';
import { type AdminConfig, loadAdminConfig } from '../../src/config';
import { serverApi } from '../../src/server-api';

export const ADMIN_EMAIL = 'root@admin.example.com';
export const ADMIN_API_TOKEN = 'admin-view-test-token-7f3a9c1e5b2d4f6a8c0e';
export const SESSION_SECRET = 'admin-view-test-server-session-secret-123';
export const ADMIN_SESSION_SECRET = 'admin-view-test-admin-cookie-secret-4567';

/**
 * The real server (its own process, `main.ts`, dev mode with the built-in iDenfy simulator) on a fresh
 * database, and the admin view in this process on a free port, pointed at it. What an operator runs.
 */
export async function startAdminStack(options: { adminEmails?: string } = {}) {
  const database: TestDatabase<Database> = await createTestDatabase<Database>();
  // Every sign-in here comes from 127.0.0.1 (the admin view calls the server), so the per-IP limits go up;
  // and these tests are about the admin view, not a frozen database, so a busy two-core machine (Chromium,
  // two servers compiling) must not turn a slow query into a 503: the database deadlines go up too.
  const serverEnv = {
    DATABASE_CONNECT_TIMEOUT_MS: '30000',
    DATABASE_QUERY_TIMEOUT_MS: '30000',
    DATABASE_STATEMENT_TIMEOUT_MS: '30000',
    DATABASE_LOCK_TIMEOUT_MS: '30000',
    DATABASE_URL: database.url,
    ADMIN_EMAILS: options.adminEmails ?? ADMIN_EMAIL,
    ADMIN_API_TOKEN,
    SESSION_SECRET,
    ONBOARDING_DEV_MODE: 'true',
    LOGIN_RATE_LIMIT_PER_IP: '10000',
    LOGIN_RATE_LIMIT_PER_EMAIL: '1000',
    LOGIN_RATE_LIMIT_PER_EMAIL_IP: '1000',
  };
  const server = await startServerProcess(serverEnv);
  const logger = createMemoryLogger();
  const app = {
    current: undefined as ReturnType<typeof createAdminApp> | undefined,
  };
  const http = serve({
    // The bindings carry the socket, so the app sees the caller's address as in production.
    fetch: (req, bindings) => (app.current as ReturnType<typeof createAdminApp>).fetch(req, bindings),
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve) => http.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const config: AdminConfig = loadAdminConfig({
    ADMIN_SERVER_URL: server.url,
    ADMIN_API_TOKEN,
    ADMIN_SESSION_SECRET,
    ADMIN_PUBLIC_URL: url,
  });
  app.current = createAdminApp({
    config,
    api: serverApi({ serverUrl: server.url, apiToken: ADMIN_API_TOKEN }),
    logger,
  });
  return {
    url,
    serverUrl: server.url,
    database,
    app: app.current,
    config,
    logger,
    /** Another server process on the same database, with some settings changed (stop it yourself). */
    startAnotherServer: (changes: Record<string, string>) => startServerProcess({ ...serverEnv, ...changes }),
    /** Everything the server process printed so far (its dev-mode sign-in codes among it). */
    serverOutput: () => server.output(),
    /** The newest dev-mode sign-in code the server logged. */
    lastCode(): string {
      const codes = [...server.output().matchAll(/DEV MODE sign-in code: (\d{6})/g)];
      const code = codes.at(-1)?.[1];
      if (code === undefined) throw new Error('the server logged no sign-in code');
      return code;
    },
    async close() {
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        (http as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await server.stop();
      await database.destroy();
    },
  };
}

export type AdminStack = Awaited<ReturnType<typeof startAdminStack>>;
