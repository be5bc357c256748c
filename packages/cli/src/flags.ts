import { type Command, Option } from 'commander';
import type { ForwardedVariable } from './env/forwarded';

/** Flags that set a variable for this run, winning over the environment. One table, so help and code agree. */
const SETTING_FLAGS = {
  PORT: { flag: '--port <port>', help: 'the server port' },
  HOST: { flag: '--host <host>', help: 'the address the server listens on' },
  PUBLIC_URL: { flag: '--public-url <url>', help: 'the URL people and providers reach the server at' },
  DATABASE_URL: { flag: '--database-url <url>', help: 'postgres:// URL (default: the embedded PostgreSQL)' },
  EMBEDDED_PG_PORT: { flag: '--embedded-pg-port <port>', help: 'port of the embedded PostgreSQL' },
  LOG_LEVEL: { flag: '--log-level <level>', help: 'debug, info, warn or error' },
  ADMIN_PORT: { flag: '--admin-port <port>', help: 'the admin view port' },
  ADMIN_HOST: { flag: '--admin-host <host>', help: 'the address the admin view listens on' },
  ADMIN_SERVER_URL: { flag: '--server-url <url>', help: "where the admin view reaches the server's API" },
  ADMIN_PUBLIC_URL: { flag: '--admin-public-url <url>', help: 'the URL admins open the admin view at' },
} as const satisfies Partial<Record<ForwardedVariable, { flag: string; help: string }>>;

export type FlagVariable = keyof typeof SETTING_FLAGS;

/** Adds the given setting flags to a command; their help names the variable each one overrides. */
export function withSettingFlags(command: Command, variables: readonly FlagVariable[]): Command {
  for (const variable of variables) {
    const { flag, help } = SETTING_FLAGS[variable];
    command.addOption(new Option(flag, `${help} (overrides ${variable})`));
  }
  return command;
}

/** The variables the given flags set, from commander's parsed options. */
export function overridesFrom(
  options: Record<string, unknown>,
  variables: readonly FlagVariable[],
): Partial<Record<ForwardedVariable, string>> {
  const overrides: Partial<Record<ForwardedVariable, string>> = {};
  for (const variable of variables) {
    const value = options[new Option(SETTING_FLAGS[variable].flag).attributeName()];
    if (typeof value === 'string') overrides[variable] = value;
  }
  return overrides;
}
