import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A front for the iDenfy simulator (point the server's iDenfy URL here) that forwards everything, and while
 * held keeps the token calls (`POST /api/v2/token`) waiting until `release()`: the requests that mint stay
 * in flight, for certain, for as long as a test needs them to (a fixed delay would only make that likely).
 * `simulatorUrl` may be a function, for a simulator started after the gate.
 */
export async function startTokenGate(simulatorUrl: string | (() => string)) {
  const target = typeof simulatorUrl === 'string' ? () => simulatorUrl : simulatorUrl;
  const waiting: (() => void)[] = [];
  let holding = false;
  const server = createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (req.method === 'POST' && req.url === '/api/v2/token' && holding)
        await new Promise<void>((resolve) => waiting.push(resolve));
      const forwarded = ['authorization', 'content-type'].flatMap((name) => {
        const value = req.headers[name];
        return typeof value === 'string' ? [[name, value] as [string, string]] : [];
      });
      const upstream = await fetch(new URL(req.url ?? '/', target()), {
        method: req.method ?? 'GET',
        headers: forwarded,
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
        redirect: 'manual',
      });
      const headers = ['content-type', 'location'].flatMap((name) => {
        const value = upstream.headers.get(name);
        return value === null ? [] : [[name, value] as [string, string]];
      });
      const answer = Buffer.from(await upstream.arrayBuffer());
      // The caller may have given up meanwhile (a client-side timeout): the simulator still minted.
      if (!res.destroyed) res.writeHead(upstream.status, headers).end(answer);
    } catch {
      res.destroy(); // the simulator went away (the test is closing): the caller sees a dropped connection
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Token calls waiting at the gate. */
    held: () => waiting.length,
    /** From now on, token calls wait at the gate. */
    hold() {
      holding = true;
    },
    /** Later token calls pass again; those waiting keep waiting until `release()`. */
    open() {
      holding = false;
    },
    /** Lets the waiting token calls through, and every later one. */
    release() {
      holding = false;
      for (const resolve of waiting.splice(0)) resolve();
    },
    async close() {
      this.release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
