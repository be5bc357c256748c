import { randomBytes, randomUUID } from 'node:crypto';
import type { KycOverall } from '../provider';
import { checksFor, type SimChecks } from './outcomes';
import type { SimSession } from './types';

export interface SessionInput {
  clientId: string;
  expiryTimeSeconds: number;
  sessionLengthSeconds: number;
  callbackUrl?: string;
  successUrl?: string;
  errorUrl?: string;
  unverifiedUrl?: string;
  locale?: string;
}

export interface SessionRecord extends SessionInput {
  readonly scanRef: string;
  readonly authToken: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  status: KycOverall;
  final: boolean;
  checks: SimChecks;
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomToken(length = 40): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => TOKEN_ALPHABET[byte % TOKEN_ALPHABET.length]).join('');
}

/** The simulator's sessions, by scanRef and by authToken. */
export class SessionStore {
  readonly #byScanRef = new Map<string, SessionRecord>();
  readonly #byToken = new Map<string, SessionRecord>();

  constructor(readonly now: () => number) {}

  /** A token nobody has used up yet: ACTIVE and not past its expiry. */
  isOpen(record: SessionRecord): boolean {
    return record.status === 'ACTIVE' && this.now() < record.expiresAt;
  }

  /** The status as iDenfy would report it: an ACTIVE token past its expiry is EXPIRED. */
  statusOf(record: SessionRecord): KycOverall {
    return record.status === 'ACTIVE' && !this.isOpen(record) ? 'EXPIRED' : record.status;
  }

  openFor(clientId: string): SessionRecord | undefined {
    for (const record of this.#byScanRef.values()) {
      if (record.clientId === clientId && this.isOpen(record)) return record;
    }
    return undefined;
  }

  add(input: SessionInput): SessionRecord {
    const createdAt = this.now();
    const record: SessionRecord = {
      ...input,
      scanRef: randomUUID(),
      authToken: randomToken(),
      createdAt,
      expiresAt: createdAt + input.expiryTimeSeconds * 1000,
      status: 'ACTIVE',
      final: false,
      checks: checksFor('ACTIVE', false),
    };
    this.#byScanRef.set(record.scanRef, record);
    this.#byToken.set(record.authToken, record);
    return record;
  }

  get(scanRef: string): SessionRecord | undefined {
    return this.#byScanRef.get(scanRef);
  }

  byAuthToken(authToken: string): SessionRecord | undefined {
    return this.#byToken.get(authToken);
  }

  snapshot(record: SessionRecord): SimSession {
    const { createdAt, expiresAt, checks: _checks, ...rest } = record;
    return {
      ...rest,
      status: this.statusOf(record),
      createdAt: new Date(createdAt),
      expiresAt: new Date(expiresAt),
    };
  }

  list(): SimSession[] {
    return [...this.#byScanRef.values()].map((record) => this.snapshot(record));
  }
}
