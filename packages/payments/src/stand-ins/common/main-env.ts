/** Environment reading for the stand-ins' standalone entry points: fail fast, naming the variable, never its value. */
export function requiredEnv(name: string, label: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`${label}: ${name} must be set`);
    process.exit(1);
  }
  return value;
}

export function portEnv(label: string): number {
  const port = Number(process.env.PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`${label}: PORT must be a whole number from 0 to 65535`);
    process.exit(1);
  }
  return port;
}

export function optionalEnv(name: string): string | undefined {
  const value = process.env[name];
  return value ? value : undefined;
}

/** Stops on SIGINT/SIGTERM after closing. */
export function closeOnSignal(close: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void close().finally(() => process.exit(0)));
  }
}
