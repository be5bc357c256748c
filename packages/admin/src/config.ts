import { randomBytes } from 'node:crypto';
import { ConfigError, type Env, envReader } from '@hero-onboarding/env';

export { ConfigError };

/** The admin view's settings; a missing or malformed one is a `ConfigError` naming it, never its value. */
export interface AdminConfig {
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  /** Where the admin reaches the server's JSON API (server to server). */
  readonly serverUrl: string;
  /** The admin view's origin as browsers see it: form posts must come from it; https makes cookies Secure. */
  readonly publicUrl: string;
  /** The server's ADMIN_API_TOKEN, for the admin lists. Never sent to a browser. */
  readonly apiToken: string;
  /** Signs the admin's own cookies and CSRF tokens. */
  readonly sessionSecret: string;
  /** Whether ADMIN_SESSION_SECRET was generated for this process (dev): sign-ins end when it stops. */
  readonly sessionSecretGenerated: boolean;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Behind a proxy we were told about: the browser's address is the last X-Forwarded-For entry. */
  readonly trustProxy: boolean;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

export function loadAdminConfig(environment: Env = process.env): AdminConfig {
  const env = envReader(environment);
  const production = env.string('NODE_ENV') === 'production';
  const port = env.int('ADMIN_PORT', 8081, { max: 65535 });
  const serverPort = env.int('PORT', 8080, { max: 65535 });
  const serverUrl = env.url('ADMIN_SERVER_URL', `http://127.0.0.1:${serverPort}`) as string;
  const server = new URL(serverUrl);
  // Every call carries the API token or an admin's session: never in clear text across a network.
  if (production && server.protocol === 'http:' && !LOOPBACK.test(server.hostname))
    throw new ConfigError(
      'ADMIN_SERVER_URL',
      'must be https (or a loopback address) when NODE_ENV=production',
    );
  const apiToken = env.string('ADMIN_API_TOKEN');
  if (apiToken === undefined)
    throw new ConfigError(
      'ADMIN_API_TOKEN',
      "is required: the admin view reads the server's admin lists with it",
    );
  const given = env.string('ADMIN_SESSION_SECRET');
  if (given === undefined && production)
    throw new ConfigError('ADMIN_SESSION_SECRET', 'is required when NODE_ENV=production');
  if (given !== undefined && given.length < 32)
    throw new ConfigError('ADMIN_SESSION_SECRET', 'must be at least 32 characters');
  return {
    production,
    port,
    // An operator tool: loopback unless you say otherwise (behind your proxy or VPN).
    host: env.string('ADMIN_HOST') ?? '127.0.0.1',
    serverUrl,
    publicUrl: env.url('ADMIN_PUBLIC_URL', `http://localhost:${port}`) as string,
    apiToken,
    sessionSecret: given ?? randomBytes(32).toString('base64url'),
    sessionSecretGenerated: given === undefined,
    logLevel: env.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'], 'info'),
    trustProxy: env.bool('ADMIN_TRUST_PROXY', false),
  };
}
