import { ConfigError } from './config-error';

export type Env = Readonly<Record<string, string | undefined>>;

export interface IntBounds {
  readonly min?: number;
  readonly max?: number;
}

/**
 * Typed reads of environment variables, shared by every package that takes settings, so one variable
 * means the same thing everywhere. Blank counts as unset; values are trimmed; a malformed value throws a
 * `ConfigError` naming the variable and the expected form, never the value.
 */
export interface EnvReader {
  string(name: string): string | undefined;
  bool(name: string, fallback: boolean): boolean;
  int(name: string, fallback: number, bounds?: IntBounds): number;
  /** An http(s) URL without its trailing slashes. */
  url(name: string, fallback?: string): string | undefined;
  oneOf<const T extends string>(name: string, values: readonly T[], fallback: T): T;
  /** A comma-separated list, trimmed, blanks dropped. */
  list(name: string): string[];
}

export function envReader(env: Env = process.env): EnvReader {
  const string = (name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  return {
    string,
    bool(name, fallback) {
      const value = string(name);
      if (value === undefined) return fallback;
      if (/^(1|true|yes|on)$/i.test(value)) return true;
      if (/^(0|false|no|off)$/i.test(value)) return false;
      throw new ConfigError(name, 'must be true or false');
    },
    int(name, fallback, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
      const value = string(name);
      if (value === undefined) return fallback;
      if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
        throw new ConfigError(name, `must be a whole number between ${min} and ${max}`);
      }
      return Number(value);
    },
    url(name, fallback) {
      const value = string(name) ?? fallback;
      if (value === undefined) return undefined;
      if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
        throw new ConfigError(name, 'must be an http(s) URL');
      }
      return value.replace(/\/+$/, '');
    },
    oneOf(name, values, fallback) {
      const value = string(name);
      if (value === undefined) return fallback;
      const match = values.find((v) => v === value.toLowerCase());
      if (match === undefined) throw new ConfigError(name, `must be one of ${values.join(', ')}`);
      return match;
    },
    list(name) {
      return (string(name) ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    },
  };
}
