/**
 * One ClickPesa token shared by every caller in the process. A refresh already running is awaited, never
 * duplicated, so twenty concurrent checkouts cost one token call (the token endpoint counts against the
 * account's daily call quota).
 */
export class TokenCache {
  #current: { readonly token: string; readonly expiresAt: number } | undefined;
  #refreshing: Promise<string> | undefined;
  #minted = 0;

  constructor(
    private readonly mint: () => Promise<string>,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** How many tokens this cache has asked for. */
  get minted(): number {
    return this.#minted;
  }

  get(): Promise<string> {
    const current = this.#current;
    if (current && this.now() < current.expiresAt) return Promise.resolve(current.token);
    this.#refreshing ??= this.#refresh();
    return this.#refreshing;
  }

  /** Drops `token` after the API refused it, unless a newer token has already replaced it. */
  invalidate(token: string): void {
    if (this.#current?.token === token) this.#current = undefined;
  }

  async #refresh(): Promise<string> {
    try {
      // Measured from before the call, so the cached lifetime errs short.
      const startedAt = this.now();
      this.#minted += 1;
      const token = await this.mint();
      this.#current = { token, expiresAt: startedAt + this.ttlMs };
      return token;
    } finally {
      this.#refreshing = undefined;
    }
  }
}
