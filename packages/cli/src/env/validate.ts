import { type AdminConfig, loadAdminConfig } from '@hero-onboarding/admin';
import { type DatabaseConfig, resolveDatabaseConfig } from '@hero-onboarding/db';
import { ConfigError } from '@hero-onboarding/env';
import { loadConfig, type ServerConfig } from '@hero-onboarding/server';
import type { Env } from './forwarded';
import { SettingsError } from './settings-error';

export { SettingsError };

/** The mode the settings ask for, as a person would name it. */
export function modeOf(settings: Env): string {
  return settings.NODE_ENV?.trim() === 'production' ? 'production mode' : 'development mode';
}

/**
 * Reads the settings exactly as the processes will (the server's own `loadConfig` and the database's
 * config), so a command fails here, naming the variable, rather than after starting half the stack.
 */
export function checkServerSettings(settings: Env): { server: ServerConfig; database: DatabaseConfig } {
  return named('server', settings, () => ({
    server: loadConfig(settings),
    database: resolveDatabaseConfig({ env: settings }),
  }));
}

export function checkDatabaseSettings(settings: Env): DatabaseConfig {
  return named('database', settings, () => resolveDatabaseConfig({ env: settings }));
}

export function checkAdminSettings(settings: Env): AdminConfig {
  return named('admin view', settings, () => loadAdminConfig(settings));
}

/** Runs a config reader; its `ConfigError` becomes a `SettingsError` saying who needs the variable, in which mode. */
export function named<T>(neededBy: string, settings: Env, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new SettingsError(error.variable, error.problem, neededBy, modeOf(settings));
  }
}
