import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A front for the iDenfy simulator that holds every token call (`POST /api/v2/token`) until `release()`
 * and forwards everything else at once: the requests that mint stay in flight, for certain, for as long as
 * a test needs them to (a fixed delay would only make that likely).
 */
export async function startTokenGate(simulatorUrl: string) {
  const waiting: (() => void)[] = [];
  let open = false;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === 'POST' && req.url === '/api/v2/token' && !open)
      await new Promise<void>((resolve) => waiting.push(resolve));
    const forwarded = ['authorization', 'content-type'].flatMap((name) => {
      const value = req.headers[name];
      return typeof value === 'string' ? [[name, value] as [string, string]] : [];
    });
    const upstream = await fetch(new URL(req.url ?? '/', simulatorUrl), {
      method: req.method ?? 'GET',
      headers: forwarded,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      redirect: 'manual',
    });
    const headers = ['content-type', 'location'].flatMap((name) => {
      const value = upstream.headers.get(name);
      return value === null ? [] : [[name, value] as [string, string]];
    });
    res.writeHead(upstream.status, headers);
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Token calls waiting at the gate. */
    held: () => waiting.length,
    /** Lets the waiting token calls through, and every later one. */
    release() {
      open = true;
      for (const resolve of waiting.splice(0)) resolve();
    },
    async close() {
      this.release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
