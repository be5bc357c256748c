import type { Child } from './child';

/** Polls `url` until it answers 200; fails if the child exits first or the time runs out. */
export async function waitUntilReady(url: string, child: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.hasExited())
      throw new Error(`${child.name} stopped before it was ready (see its output above)`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${child.name} did not answer ${url} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Where this machine reaches a process listening on `host` (a wildcard address is reached on loopback). */
export function loopbackUrl(host: string, port: number): string {
  const reach = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `http://${reach.includes(':') ? `[${reach}]` : reach}:${port}`;
}
