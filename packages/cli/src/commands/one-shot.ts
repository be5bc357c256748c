import { childEnv, type Env, type ForwardedVariable, settingsFrom } from '../env/forwarded';
import { checkDatabaseSettings, checkServerSettings } from '../env/validate';
import { ENTRY } from '../paths';
import { startChild } from '../process/child';

/** Runs a command that finishes by itself, its output straight to the terminal; resolves with its exit code. */
async function runToEnd(
  name: string,
  entry: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<number> {
  const child = startChild({ name, entry, args, env, output: 'inherit' });
  // Ctrl-C reaches the child from the terminal: wait for it to finish. SIGTERM to the CLI alone is passed on.
  const ignore = () => {};
  const passOn = () => void child.stop();
  process.on('SIGINT', ignore);
  process.on('SIGTERM', passOn);
  try {
    return (await child.exited) ?? 1;
  } finally {
    process.off('SIGINT', ignore);
    process.off('SIGTERM', passOn);
  }
}

/** `generate`: the schema generator (`npm run generate`), with its flags. */
export function generate(source: Env, flags: { check: boolean; allowDestructive: boolean }): Promise<number> {
  const args = [
    ...(flags.check ? ['--check'] : []),
    ...(flags.allowDestructive ? ['--allow-destructive'] : []),
  ];
  return runToEnd('generate', ENTRY.generate, args, childEnv(source, {}, 'server'));
}

/** `migrate`: applies pending migrations to DATABASE_URL or the embedded database, then exits. */
export function migrate(source: Env, overrides: Partial<Record<ForwardedVariable, string>>): Promise<number> {
  const settings = settingsFrom(source, overrides);
  checkDatabaseSettings(settings);
  return runToEnd('migrate', ENTRY.migrate, [], childEnv(source, settings, 'server'));
}

/**
 * `reconcile`: one sweep over top-ups left pending past their checkout's life (`npm run reconcile`), with
 * the server's settings; schedule it, or set RECONCILE_INTERVAL_SECONDS on the server instead.
 */
export function reconcile(
  source: Env,
  overrides: Partial<Record<ForwardedVariable, string>>,
): Promise<number> {
  const settings = settingsFrom(source, overrides);
  checkServerSettings(settings);
  return runToEnd('reconcile', ENTRY.reconcile, [], childEnv(source, settings, 'server'));
}

export { runToEnd };
