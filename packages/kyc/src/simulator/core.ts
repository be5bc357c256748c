import { createHash, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type CompletePlan,
  faults as checkedFaults,
  completePlan,
  notifyOption,
  outcome,
} from './control-input';
import { Deliverer } from './delivery';
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

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function required(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new SimulatorError(400, 'BAD_VALUE', `iDenfy simulator: ${name} must be a non-empty string`);
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
  readonly #credentials: Buffer;
  #faults: SimFaults = {};
  #tokensMinted = 0;
  #statusCalls = 0;

  constructor(options: IdenfySimulatorOptions) {
    required(options.apiKey, 'apiKey');
    required(options.apiSecret, 'apiSecret');
    required(options.webhookSecret, 'webhookSecret');
    this.publicUrl = options.publicUrl?.replace(/\/+$/, '');
    this.#defaultCallbackUrl = options.defaultCallbackUrl;
    this.store = new SessionStore(options.now ?? Date.now);
    this.#deliverer = new Deliverer(options.webhookSecret, this.#closing.signal);
    this.#credentials = digest(`${options.apiKey}:${options.apiSecret}`);
  }

  /** Constant-time over fixed-length digests, so neither content nor length leaks. */
  credentialsMatch(user: string, password: string): boolean {
    return timingSafeEqual(digest(`${user}:${password}`), this.#credentials);
  }

  /** Consumes the one-shot token faults and returns what the next token call must do. */
  takeTokenFaults(): Pick<SimFaults, 'nextTokenStatus' | 'nextTokenMalformed'> {
    const { nextTokenStatus, nextTokenMalformed, ...rest } = this.#faults;
    this.#faults = rest;
    return { ...(nextTokenStatus && { nextTokenStatus }), ...(nextTokenMalformed && { nextTokenMalformed }) };
  }

  takeStatusFault(): SimFaults['nextStatusCallStatus'] {
    const { nextStatusCallStatus, ...rest } = this.#faults;
    this.#faults = rest;
    return nextStatusCallStatus;
  }

  tokenDelayMs(): number {
    return this.#faults.tokenDelayMs ?? 0;
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
    return this.completePlanned(scanRef, completePlan(options));
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
    this.#faults = checkedFaults(value);
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
