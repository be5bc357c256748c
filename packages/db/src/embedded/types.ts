import type { DatabaseLogger } from '../logger';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /**
   * A test cluster: no durability (fsync off: a crash loses it, which is fine), more connections for
   * parallel test files, and the data dir is deleted on stop.
   */
  throwaway?: boolean;
  logger: DatabaseLogger;
}

export interface EmbeddedPostgresHandle {
  /** Admin URL (with password) to the `postgres` database. */
  url: string;
  /** false when we adopted a server another process started; stop() then leaves it running. */
  owned: boolean;
  stop(): Promise<void>;
  /**
   * Synchronous last resort for a process 'exit' handler (no await possible there): immediate
   * shutdown (SIGQUIT: no checkpoint) without waiting. Only for owned, throwaway clusters.
   */
  killNow(): void;
}
