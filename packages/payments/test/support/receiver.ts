import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  readonly body: Uint8Array;
  /** Lower-case names, as Node gives them. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface WebhookReceiver {
  readonly url: string;
  readonly received: readonly ReceivedWebhook[];
  /** Resolves once at least `count` webhooks have arrived (no sleeping, no polling). */
  waitFor(count: number): Promise<readonly ReceivedWebhook[]>;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}

/** A header lookup over what arrived, case-insensitive like an HTTP framework's. */
export function headerOf(received: ReceivedWebhook): (name: string) => string | undefined {
  return (name) => received.headers[name.toLowerCase()];
}

/** A tiny local HTTP server standing in for our webhook endpoint. */
export async function startReceiver(path = '/webhooks/payments'): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const waiters: { count: number; resolve: (all: readonly ReceivedWebhook[]) => void }[] = [];
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers[name] = value;
    }
    received.push({ body, headers });
    response.writeHead(200).end();
    for (const waiter of waiters.filter((w) => received.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve([...received]);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    waitFor: (count) =>
      received.length >= count
        ? Promise.resolve([...received])
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
