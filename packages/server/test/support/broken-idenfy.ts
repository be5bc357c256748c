import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * iDenfy at its worst, over real HTTP: every call answered 503 with iDenfy's error shape, or accepted and
 * never answered. Counts the calls per path, so tests can see how often the server tried.
 */
export async function startBrokenIdenfy(mode: 'unavailable' | 'silent') {
  const calls = new Map<string, number>();
  const held: import('node:http').ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    calls.set(req.url ?? '', (calls.get(req.url ?? '') ?? 0) + 1);
    req.resume();
    if (mode === 'silent') {
      held.push(res);
      return;
    }
    res.writeHead(503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ identifier: 'SERVICE_UNAVAILABLE', message: 'Try again later.' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls: (path: string) => calls.get(path) ?? 0,
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
