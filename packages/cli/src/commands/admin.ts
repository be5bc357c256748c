import { childEnv, type Env, type ForwardedVariable, settingsFrom } from '../env/forwarded';
import { checkAdminSettings } from '../env/validate';
import { ENTRY } from '../paths';
import { startChild } from '../process/child';
import { Supervisor } from '../process/supervisor';
import { loopbackUrl, waitUntilReady } from '../process/wait-ready';

/** `admin`: the admin view alone, for a server that runs elsewhere (ADMIN_SERVER_URL, ADMIN_API_TOKEN). */
export async function admin(
  source: Env,
  overrides: Partial<Record<ForwardedVariable, string>>,
): Promise<number> {
  const settings = settingsFrom(source, overrides);
  const config = checkAdminSettings(settings);
  const supervisor = new Supervisor();
  supervisor.onSignal();
  const child = supervisor.add(
    startChild({
      name: 'admin',
      entry: ENTRY.admin,
      env: childEnv(source, settings, 'admin'),
      output: 'prefix',
    }),
  );
  try {
    await waitUntilReady(`${loopbackUrl(config.host, config.port)}/healthz`, child, 30_000);
  } catch (error) {
    if (supervisor.stopping) return supervisor.done;
    process.stderr.write(
      `hero-onboarding admin: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    await supervisor.stopAll();
    return 1;
  }
  process.stdout.write(
    `hero-onboarding admin view: ${config.publicUrl}/kyc (server ${config.serverUrl}); Ctrl-C stops it\n`,
  );
  return supervisor.done;
}
