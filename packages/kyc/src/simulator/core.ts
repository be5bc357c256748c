import { setTimeout as sleep } from 'node:timers/promises';
import { type CompletePlan, completePlan, notifyOption, outcome } from './control-input';
import { credentialCheck } from './credentials';
import { Deliverer } from './delivery';
import { FaultBox } from './faults';
import { checksFor } from './outcomes';
import { type SessionInput, type SessionRecord, SessionStore } from './store';
import {
  type CompleteOptions,
  type ExpireOptions,
  type IdenfySimulatorOptions,
  type SimDelivery,
  type SimFaults,
  type SimOutcome,
  type SimSession,
  type SimStats,
  SimulatorError,
} from './types';
import { type SimResult, webhookBody } from './webhook-body';

const MAX_TIMER_MS = 2 ** 31 - 1;

function required(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new SimulatorError(400, 'BAD_VALUE', `iDenfy simulator: ${name} must be a non-empty string`);
  }
  return value;
}

function optionalUrl(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new SimulatorError(400, 'BAD_VALUE', `iDenfy simulator: ${name} must be an absolute http(s) URL`);
  }
  return value;
}

/** The simulator's state and behaviour, shared by its HTTP routes and its programmatic handle. */
export class SimulatorCore {
  readonly store: SessionStore;
  readonly publicUrl: string | undefined;
  readonly #defaultCallbackUrl: string | undefined;
  readonly #deliverer: Deliverer;
  readonly #closing = new AbortController();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly faults = new FaultBox();
  readonly credentialsMatch: (user: string, password: string) => boolean;
  #tokensMinted = 0;
  #statusCalls = 0;

  constructor(options: IdenfySimulatorOptions) {
    required(options.apiKey, 'apiKey');
    required(options.apiSecret, 'apiSecret');
    required(options.webhookSecret, 'webhookSecret');
    this.publicUrl = optionalUrl(options.publicUrl, 'publicUrl')?.replace(/\/+$/, '');
    this.#defaultCallbackUrl = optionalUrl(options.defaultCallbackUrl, 'defaultCallbackUrl');
    this.store = new SessionStore(options.now ?? Date.now);
    this.#deliverer = new Deliverer(options.webhookSecret, this.#closing.signal);
    this.credentialsMatch = credentialCheck(options.apiKey, options.apiSecret);
  }

  countStatusCall(): void {
    this.#statusCalls += 1;
  }

  mint(input: SessionInput): SessionRecord {
    const record = this.store.add(input);
    this.#tokensMinted += 1;
    const ms = input.expiryTimeSeconds * 1000;
    if (ms <= MAX_TIMER_MS) {
      // iDenfy sends an EXPIRED webhook when an unused token runs out.
      this.#later(ms, async () => {
        if (record.status === 'ACTIVE') await this.#deliver(record, { overall: 'EXPIRED', final: true }, 1);
      });
    }
    return record;
  }

  complete(scanRef: string, options: CompleteOptions): Promise<SimDelivery[]> {
    const plan = completePlan(options);
    if (options.deliver === false) {
      this.#apply(this.session(scanRef), { overall: plan.overall, final: plan.final });
      return Promise.resolve([]);
    }
    return this.completePlanned(scanRef, plan);
  }

  async completePlanned(scanRef: string, plan: CompletePlan): Promise<SimDelivery[]> {
    const record = this.session(scanRef);
    if (plan.delayMs > 0) await this.wait(plan.delayMs);
    const preliminary = plan.auto ? await this.#deliver(record, { overall: plan.auto, final: false }, 1) : [];
    const result = await this.#deliver(record, { overall: plan.overall, final: plan.final }, plan.repeat);
    return [...preliminary, ...result];
  }

  /** The final result first, then a stale preliminary one, as a slow retry would arrive. */
  async deliverOutOfOrder(scanRef: string, overall: SimOutcome = 'APPROVED'): Promise<SimDelivery[]> {
    const checked = outcome(overall);
    if (checked === 'REVIEWING') throw new SimulatorError(400, 'BAD_VALUE', 'overall must be a final result');
    const record = this.session(scanRef);
    const stale = webhookBody(record, { overall: 'REVIEWING', final: false }, this.store.now());
    const first = await this.#deliver(record, { overall: checked, final: true }, 1);
    const second = await this.#deliverer.send(
      scanRef,
      this.#callbackUrl(record),
      { overall: 'REVIEWING', final: false },
      stale,
    );
    return [...first, second];
  }

  async expire(scanRef: string, options: ExpireOptions = {}): Promise<SimDelivery[]> {
    const notify = notifyOption(options);
    const record = this.session(scanRef);
    if (notify) return this.#deliver(record, { overall: 'EXPIRED', final: true }, 1);
    this.#apply(record, { overall: 'EXPIRED', final: true });
    return [];
  }

  setFaults(value: SimFaults): void {
    this.faults.set(value);
  }

  stats(): SimStats {
    return {
      tokensMinted: this.#tokensMinted,
      statusCalls: this.#statusCalls,
      deliveries: [...this.#deliverer.log],
    };
  }

  sessions(): readonly SimSession[] {
    return this.store.list();
  }

  /** Sleeps unless the simulator closes first. */
  async wait(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.#closing.signal });
  }

  /** Runs `task` in the background; failures are recorded as deliveries, never thrown. */
  background(task: () => Promise<unknown>): void {
    task().catch(() => undefined);
  }

  dispose(): void {
    this.#closing.abort();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #later(ms: number, task: () => Promise<unknown>): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.background(task);
    }, ms);
    timer.unref();
    this.#timers.add(timer);
  }

  /** The session or a 404 `SimulatorError`. */
  session(scanRef: string): SessionRecord {
    const record = typeof scanRef === 'string' ? this.store.get(scanRef) : undefined;
    if (!record) throw new SimulatorError(404, 'NOT_FOUND', 'No verification with this scanRef.');
    return record;
  }

  #callbackUrl(record: SessionRecord): string | undefined {
    return record.callbackUrl ?? this.#defaultCallbackUrl;
  }

  #apply(record: SessionRecord, result: SimResult): void {
    record.status = result.overall;
    record.final = result.final;
    record.checks = checksFor(result.overall, result.final);
  }

  async #deliver(record: SessionRecord, result: SimResult, times: number): Promise<SimDelivery[]> {
    this.#apply(record, result);
    const body = webhookBody(record, result, this.store.now());
    const deliveries: SimDelivery[] = [];
    for (let i = 0; i < times; i += 1) {
      deliveries.push(await this.#deliverer.send(record.scanRef, this.#callbackUrl(record), result, body));
    }
    return deliveries;
  }
}
