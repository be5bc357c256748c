export interface RetryOptions {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  readonly delayMs: number;
  readonly isTransient: (error: unknown) => boolean;
}

/**
 * Calls `call` again while it fails with a transient error, a bounded number of times. Only for calls
 * that are safe to repeat (reads, or writes the provider deduplicates): never for an iDenfy token call,
 * which costs a credit and may have succeeded even when it timed out.
 */
export async function retryTransient<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= options.attempts || !options.isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    }
  }
}
