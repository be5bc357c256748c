import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Env, Hono } from 'hono';

export interface ListenOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: stand-ins are local test tools. */
  hostname?: string;
}

export interface Listening {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves a Hono app on a loopback port; `close` also drops keep-alive connections (SDKs hold them open). */
export async function listen<E extends Env>(app: Hono<E>, options: ListenOptions): Promise<Listening> {
  const hostname = options.hostname ?? '127.0.0.1';
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve, reject) => {
      const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, (info: AddressInfo) =>
        resolve({ server, port: info.port }),
      );
      server.once('error', reject);
    },
  );
  const host = hostname.includes(':') ? `[${hostname}]` : hostname;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
