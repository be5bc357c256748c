/**
 * JSON-lines logger. Field values under secret or personal-data keys are replaced before anything is
 * written, so a careless `log.info('x', { email })` cannot leak. The personal-data keys come from the
 * schemas' `pii: true` fields (generated metadata) plus the names secrets travel under.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const SECRET_KEYS = [
  'password',
  'secret',
  'token',
  'auth_token',
  'authtoken',
  'authorization',
  'cookie',
  'code',
  'dev_code',
  'api_key',
  'apikey',
  'signature',
  'payload',
  'body',
];

// Addresses can hide inside free text (a mail server's or a library's error message): mask any that do.
const EMAIL_IN_TEXT = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[a-z]{2,}/gi;
const maskEmails = (text: string) => text.replace(EMAIL_IN_TEXT, '[email]');

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  level?: LogLevel;
  /** Extra keys to redact, e.g. every pii field name from the generated metadata. */
  redactKeys?: Iterable<string>;
  write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const min = LEVELS[options.level ?? 'info'];
  const redacted = new Set([...SECRET_KEYS, ...(options.redactKeys ?? [])].map((k) => k.toLowerCase()));
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));

  const scrub = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return maskEmails(value);
    if (depth > 4 || value === null || typeof value !== 'object') return value;
    if (value instanceof Date) return value.toISOString();
    if (value instanceof Error) return { name: value.name, message: maskEmails(value.message) };
    if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = redacted.has(key.toLowerCase()) ? '[redacted]' : scrub(v, depth + 1);
    }
    return out;
  };

  const log = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (LEVELS[level] < min) return;
    const entry = {
      time: new Date().toISOString(),
      level,
      msg: maskEmails(message),
      ...(scrub(fields ?? {}, 0) as object),
    };
    write(JSON.stringify(entry, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that keeps lines in memory: tests assert what was (and was not) logged. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger({ level: 'debug', write: (l) => lines.push(l) }), { lines });
}
