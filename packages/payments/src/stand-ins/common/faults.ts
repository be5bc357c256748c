import type { HttpBindings } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import { asObject, bad, wholeNumber } from './input';

/**
 * Failure injection for a stand-in's API routes (never its control API or pages). `setFaults` replaces
 * the whole set, so `{}` clears it.
 */
export interface StandInFaults {
  /** Every matching API call waits this long before answering (a slow provider). */
  delayMs?: number;
  /** The next `times` matching calls answer this status, in the provider's error shape. */
  status?: 400 | 401 | 403 | 404 | 409 | 429 | 500 | 502 | 503;
  /** How many calls `status` breaks. Default 1. */
  times?: number;
  /** Matching calls have their connection dropped without an answer, until cleared (a provider that is down). */
  refuse?: boolean;
  /** Only calls to this endpoint (see each stand-in's endpoint names); default every API call. */
  endpoint?: string;
}

const STATUSES = [400, 401, 403, 404, 409, 429, 500, 502, 503] as const;

/** Checks a fault set from JSON or a typed caller; unknown keys are refused so a typo does not inject nothing. */
export function checkFaults(value: unknown, endpoints: readonly string[]): StandInFaults {
  const fields = asObject(value);
  const unknown = Object.keys(fields).find(
    (key) => !['delayMs', 'status', 'times', 'refuse', 'endpoint'].includes(key),
  );
  if (unknown !== undefined) throw bad(`unknown fault '${unknown}'`);
  const result: StandInFaults = {};
  const delayMs = wholeNumber(fields.delayMs, 'delayMs', 0, 600_000);
  if (delayMs !== undefined) result.delayMs = delayMs;
  if (fields.status !== undefined) {
    const status = STATUSES.find((candidate) => candidate === fields.status);
    if (status === undefined) throw bad(`status must be one of ${STATUSES.join(', ')}`);
    result.status = status;
  }
  const times = wholeNumber(fields.times, 'times', 1, 1000);
  if (times !== undefined) result.times = times;
  if (fields.refuse !== undefined) {
    if (typeof fields.refuse !== 'boolean') throw bad('refuse must be a boolean');
    result.refuse = fields.refuse;
  }
  if (fields.endpoint !== undefined) {
    if (typeof fields.endpoint !== 'string' || !endpoints.includes(fields.endpoint)) {
      throw bad(`endpoint must be one of ${endpoints.join(', ')}`);
    }
    result.endpoint = fields.endpoint;
  }
  return result;
}

export type Fault =
  | { kind: 'none' }
  | { kind: 'status'; status: NonNullable<StandInFaults['status']> }
  | { kind: 'refuse' };

/** The current faults; `take` consumes one use of a status fault. */
export class FaultBox {
  #faults: StandInFaults = {};

  constructor(private readonly endpoints: readonly string[]) {}

  set(value: StandInFaults): void {
    this.#faults = checkFaults(value, this.endpoints);
  }

  delayFor(endpoint: string): number {
    return this.#matches(endpoint) ? (this.#faults.delayMs ?? 0) : 0;
  }

  take(endpoint: string): Fault {
    if (!this.#matches(endpoint)) return { kind: 'none' };
    if (this.#faults.refuse) return { kind: 'refuse' };
    const { status, times = 1, ...rest } = this.#faults;
    if (status === undefined) return { kind: 'none' };
    this.#faults = times > 1 ? { ...rest, status, times: times - 1 } : rest;
    return { kind: 'status', status };
  }

  #matches(endpoint: string): boolean {
    return this.#faults.endpoint === undefined || this.#faults.endpoint === endpoint;
  }
}

/**
 * Applies the faults to one endpoint's route: waits, drops the connection, or hands the status to
 * `render` (which answers in the provider's error shape). Dropping needs a real socket; under
 * `app.request()` there is none, so it answers 503 instead.
 */
export function faultGate(
  faults: FaultBox,
  endpoint: string,
  wait: (ms: number) => Promise<void>,
  render: (status: NonNullable<StandInFaults['status']>) => Response,
): MiddlewareHandler<{ Bindings: HttpBindings }> {
  return async (c, next) => {
    const delay = faults.delayFor(endpoint);
    if (delay > 0) await wait(delay);
    const fault = faults.take(endpoint);
    if (fault.kind === 'refuse') {
      const socket = c.env?.incoming?.socket;
      if (socket) socket.destroy();
      return new Response(null, { status: 503 });
    }
    if (fault.kind === 'status') return render(fault.status);
    await next();
    return undefined;
  };
}
