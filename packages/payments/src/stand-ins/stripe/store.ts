import type { SessionInput } from './create-input';
import type { IntentStatus, SessionStatus, StripeStandInSession } from './types';

export interface SessionRecord extends SessionInput {
  readonly id: string;
  readonly created: number;
  readonly expiresAt: number;
  readonly url: string;
  status: SessionStatus;
  paymentStatus: 'paid' | 'unpaid';
  paymentIntent: { id: string; status: IntentStatus } | null;
  /** Set by `pay({ amountTotal, currency })` to report something other than what was asked. */
  reportedAmount?: number;
  reportedCurrency?: string;
}

/** A stored idempotent result: replayed for the same parameters, refused for others. */
interface IdempotentResult {
  readonly fingerprint: string;
  readonly body: string | undefined;
}

export class SessionStore {
  readonly #sessions = new Map<string, SessionRecord>();
  readonly #idempotency = new Map<string, IdempotentResult>();

  add(record: SessionRecord): void {
    this.#sessions.set(record.id, record);
  }

  get(id: string): SessionRecord | undefined {
    return this.#sessions.get(id);
  }

  list(): StripeStandInSession[] {
    return [...this.#sessions.values()].map((record) => ({
      id: record.id,
      status: record.status,
      paymentStatus: record.paymentStatus,
      paymentIntent: record.paymentIntent && { ...record.paymentIntent },
      amountTotal: record.amountTotal,
      currency: record.currency,
      clientReferenceId: record.clientReferenceId,
      metadata: { ...record.metadata },
      customerEmail: record.customerEmail,
      successUrl: record.successUrl,
      cancelUrl: record.cancelUrl,
      created: record.created,
      expiresAt: record.expiresAt,
      url: record.url,
    }));
  }

  /**
   * Claims an idempotency key. `replay` carries the stored answer; `conflict` means the key was used with
   * other parameters; `busy` means a request with it is still running.
   */
  claim(
    key: string,
    fingerprint: string,
  ): { kind: 'new' } | { kind: 'replay'; body: string } | { kind: 'conflict' } | { kind: 'busy' } {
    const stored = this.#idempotency.get(key);
    if (!stored) {
      this.#idempotency.set(key, { fingerprint, body: undefined });
      return { kind: 'new' };
    }
    if (stored.fingerprint !== fingerprint) return { kind: 'conflict' };
    return stored.body === undefined ? { kind: 'busy' } : { kind: 'replay', body: stored.body };
  }

  /** Stores the answer, or (`body` undefined) frees the key: Stripe keeps no result for a refused request. */
  settle(key: string, fingerprint: string, body: string | undefined): void {
    if (body === undefined) this.#idempotency.delete(key);
    else this.#idempotency.set(key, { fingerprint, body });
  }
}
