import type { AdminConfig } from '@hero-onboarding/admin';
import { type DatabaseConfig, redactUrl } from '@hero-onboarding/db';
import type { ServerConfig } from '@hero-onboarding/server';

export interface BannerInput {
  readonly server: ServerConfig;
  readonly database: DatabaseConfig;
  readonly admin: AdminConfig | undefined;
  readonly generatedAdminToken: boolean;
}

/** The dev conveniences and stand-ins in effect; empty when everything is real. */
export function devModeLines(input: BannerInput): string[] {
  const { server } = input;
  const lines: string[] = [];
  if (server.devMode)
    lines.push('sign-in codes go to this log (and back in the answer as dev_code), not by email');
  if (server.idenfy.devMode)
    lines.push(
      server.idenfy.apiUrl === undefined
        ? 'iDenfy is SIMULATED by the built-in simulator: no real identity check happens'
        : `iDenfy is a STAND-IN at ${server.idenfy.apiUrl}: no real identity check happens`,
    );
  if (server.kyc.demoMode) lines.push('KYC_DEMO_MODE: KYC completes without any provider');
  for (const [name, setup] of [
    ['Stripe', server.payments.stripe],
    ['ClickPesa', server.payments.clickpesa],
  ] as const)
    if (setup.mode === 'stand-in')
      lines.push(
        `${name} is a STAND-IN ${setup.apiUrl === undefined ? '(built in)' : `at ${setup.apiUrl}`}: no real payments happen`,
      );
  if (input.generatedAdminToken)
    lines.push('ADMIN_API_TOKEN was generated for this run (set it to keep one)');
  if (input.admin?.sessionSecretGenerated)
    lines.push('ADMIN_SESSION_SECRET was generated: admins sign in again after a restart');
  return lines;
}

/** What `serve` prints once everything answers: every URL, the database, and every mode, loudly. */
export function startBanner(input: BannerInput): string {
  const { server, database, admin } = input;
  const rule = '─'.repeat(78);
  const db =
    database.url === undefined
      ? `embedded PostgreSQL on 127.0.0.1:${database.embeddedPort} (data in ${database.embeddedDataDir})`
      : redactUrl(database.url);
  const admins = server.auth.adminEmails.size;
  const lines = [
    rule,
    ` hero-onboarding is running${' '.repeat(28)}Ctrl-C stops everything`,
    `   server     ${server.http.publicUrl}   (listening on ${server.http.host}:${server.http.port})`,
    admin === undefined
      ? '   admin      not started (--no-admin)'
      : `   admin      ${admin.publicUrl}/kyc   (listening on ${admin.host}:${admin.port})`,
    `   database   ${db}`,
    `   payments   Stripe ${server.payments.stripe.mode}, ClickPesa ${server.payments.clickpesa.mode}; currencies ${server.payments.currencies.join(', ')}`,
    `   mode       ${server.production ? 'production' : 'development'}${server.devMode ? ', DEV MODE' : ''}`,
  ];
  if (admin !== undefined)
    lines.push(
      admins === 0
        ? '   !! ADMIN_EMAILS is empty: nobody can sign in to the admin view (ADMIN_EMAILS=you@example.com)'
        : `   admins     ${admins} address${admins === 1 ? '' : 'es'} in ADMIN_EMAILS may sign in to the admin view`,
    );
  const dev = devModeLines(input);
  if (dev.length > 0) lines.push(' !! NOT FOR REAL USERS:', ...dev.map((line) => ` !!   ${line}`));
  lines.push(rule);
  return `${lines.join('\n')}\n`;
}
