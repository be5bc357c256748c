/**
 * `@hero-onboarding/admin`: the admin web view, a Hono app of its own that reads only the server's admin
 * JSON. `main.ts` is the process; tests build an app with `createAdminApp`.
 */
export { createAdminApp } from './app';
export { type AdminConfig, ConfigError, loadAdminConfig } from './config';
export type { AdminDeps, AdminEnv, SignedInAdmin } from './context';
export { type ServerApi, ServerApiError, serverApi } from './server-api';
