import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSimulatorApp } from './app';
import { SimulatorCore } from './core';
import type {
  CompleteOptions,
  ExpireOptions,
  IdenfySimulatorOptions,
  SimDelivery,
  SimFaults,
  SimOutcome,
  SimSession,
  SimStats,
} from './types';

export interface StartIdenfySimulatorOptions extends IdenfySimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the simulator is a local test tool. */
  hostname?: string;
}

/** A running simulator. The methods mirror the `/sim` control API. */
export interface IdenfySimulator {
  /** Where it listens, e.g. `http://127.0.0.1:41234`; use it as the provider's `baseUrl`. */
  readonly url: string;
  close(): Promise<void>;
  stats(): SimStats;
  sessions(): readonly SimSession[];
  complete(scanRef: string, options: CompleteOptions): Promise<readonly SimDelivery[]>;
  deliverOutOfOrder(scanRef: string, overall?: SimOutcome): Promise<readonly SimDelivery[]>;
  expire(scanRef: string, options?: ExpireOptions): Promise<readonly SimDelivery[]>;
  setFaults(faults: SimFaults): void;
}

/**
 * Serves the iDenfy simulator on a loopback port.
 *
 * @example
 * const sim = await startIdenfySimulator({ apiKey: 'k', apiSecret: 's', webhookSecret: 'w' });
 * const kyc = new IdenfyProvider({ apiKey: 'k', apiSecret: 's', webhookSecret: 'w', baseUrl: sim.url });
 * // ... await sim.complete(token.scanRef, { overall: 'APPROVED' }); await sim.close();
 */
export async function startIdenfySimulator(options: StartIdenfySimulatorOptions): Promise<IdenfySimulator> {
  const core = new SimulatorCore(options);
  const app = createSimulatorApp(core);
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
        core.dispose();
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
    stats: () => core.stats(),
    sessions: () => core.sessions(),
    complete: (scanRef, completeOptions) => core.complete(scanRef, completeOptions),
    deliverOutOfOrder: (scanRef, overall) => core.deliverOutOfOrder(scanRef, overall),
    expire: (scanRef, expireOptions) => core.expire(scanRef, expireOptions),
    setFaults: (faults) => core.setFaults(faults),
  };
}
