/**
 * `@hero-onboarding/server`: the HTTP API as a library. `main.ts` is the process around it; tests and
 * embedders build an app over their own dependencies, and the admin view types its client from
 * `AdminRoutes` (Hono's `hc<AdminRoutes>(url)`).
 */
import type { adminRoutes } from './admin/routes';

export { createApp } from './app';
export { ConfigError, loadConfig, type ServerConfig } from './config';
export type { AppDeps, AppEnv, PaymentDeps, PaymentProviders, Viewer } from './context';
export { createLogger, createMemoryLogger, type Logger } from './logger';
/** For the CLI and operators: blank old webhook bodies now (the server also does it hourly). */
export { PURGED_PAYLOAD, purgeWebhookPayloads } from './webhooks/purge-payloads';

/** The admin JSON routes' types, for a typed client: `hc<AdminRoutes>(serverUrl)`. */
export type AdminRoutes = typeof adminRoutes;
