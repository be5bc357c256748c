import { randomBytes } from 'node:crypto';
import type { AdminConfig } from '@hero-onboarding/admin';
import { startBanner } from '../banner';
import { childEnv, type Env, type ForwardedVariable, settingsFrom } from '../env/forwarded';
import { checkAdminSettings, checkServerSettings, modeOf, SettingsError } from '../env/validate';
import { ENTRY } from '../paths';
import { type Child, startChild } from '../process/child';
import { Supervisor } from '../process/supervisor';
import { loopbackUrl, waitUntilReady } from '../process/wait-ready';

export interface ServeOptions {
  readonly admin: boolean;
  readonly overrides: Partial<Record<ForwardedVariable, string>>;
}

/** First start can initialise the embedded database and apply every migration. */
const SERVER_READY_MS = 120_000;
const ADMIN_READY_MS = 30_000;

/**
 * `serve`: checks every setting first, starts the server, then the admin view, prints the banner, and
 * stops both (the server stops its embedded database) on Ctrl-C or SIGTERM. Resolves with the exit code.
 */
export async function serve(source: Env, options: ServeOptions): Promise<number> {
  let settings = settingsFrom(source, options.overrides);
  const { server, database } = checkServerSettings(settings);
  let generatedAdminToken = false;
  let admin: AdminConfig | undefined;
  if (options.admin) {
    if (settings.ADMIN_API_TOKEN === undefined) {
      // Dev only: both processes get the same random token for this run; outside dev it must be set.
      if (!server.devMode)
        throw new SettingsError(
          'ADMIN_API_TOKEN',
          'is required for the admin view outside dev mode (or use --no-admin)',
          'admin view',
          server.production
            ? modeOf(settings)
            : `a setup with real services (${server.realServices.join(', ')}), so not dev mode`,
        );
      settings = { ...settings, ADMIN_API_TOKEN: randomBytes(32).toString('base64url') };
      generatedAdminToken = true;
    }
    admin = checkAdminSettings(settings);
    if (admin.port === server.http.port)
      throw new SettingsError(
        'ADMIN_PORT',
        `must differ from PORT (both are ${admin.port})`,
        'admin view',
        modeOf(settings),
      );
  }

  const supervisor = new Supervisor();
  supervisor.onSignal();
  const serverChild = supervisor.add(
    startChild({
      name: 'server',
      entry: ENTRY.server,
      env: childEnv(source, settings, 'server'),
      output: 'prefix',
    }),
  );
  try {
    await waitUntilReady(
      `${loopbackUrl(server.http.host, server.http.port)}/healthz`,
      serverChild,
      SERVER_READY_MS,
    );
    if (admin !== undefined) {
      const adminChild: Child = supervisor.add(
        startChild({
          name: 'admin',
          entry: ENTRY.admin,
          env: childEnv(source, settings, 'admin'),
          output: 'prefix',
        }),
      );
      await waitUntilReady(`${loopbackUrl(admin.host, admin.port)}/healthz`, adminChild, ADMIN_READY_MS);
    }
  } catch (error) {
    if (supervisor.stopping) return supervisor.done;
    process.stderr.write(
      `hero-onboarding serve: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    await supervisor.stopAll();
    return 1;
  }
  process.stdout.write(startBanner({ server, database, admin, generatedAdminToken }));
  return supervisor.done;
}
