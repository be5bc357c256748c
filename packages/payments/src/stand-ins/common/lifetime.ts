import { setTimeout as sleep } from 'node:timers/promises';

/** A stand-in's waits and background work, all cut short when it closes. */
export class Lifetime {
  readonly #closing = new AbortController();

  get signal(): AbortSignal {
    return this.#closing.signal;
  }

  /** Sleeps unless the stand-in closes first. */
  async wait(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.#closing.signal }).catch(() => undefined);
  }

  /** Runs `task` after `ms` in the background, unless closed by then; failures are swallowed (deliveries log them). */
  later(ms: number, task: () => Promise<unknown>): void {
    void this.wait(ms).then(() => (this.#closing.signal.aborted ? undefined : task().catch(() => undefined)));
  }

  close(): void {
    this.#closing.abort();
  }
}
