import type { CoreDeps } from '../context';
import { purgeWebhookPayloads } from './purge-payloads';

const DAY_MS = 86_400_000;

/**
 * Runs the payload purge now and then every `intervalMs` (an hour by default) in this process. A sweep
 * that fails (the database is down) is logged and retried at the next tick; the timer never keeps the
 * process alive. `stop()` waits for a sweep in progress.
 */
export function startPayloadPurge(
  deps: CoreDeps,
  options: { retentionDays: number; intervalMs?: number },
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const sweep = () => {
    running = running.then(async () => {
      try {
        const olderThan = new Date(deps.now().getTime() - options.retentionDays * DAY_MS);
        const purged = await purgeWebhookPayloads(deps.db, { olderThan });
        if (purged > 0)
          deps.logger.info('webhook payloads purged', { purged, retention_days: options.retentionDays });
      } catch (error) {
        deps.logger.warn('webhook payload purge failed; retrying at the next tick', { error });
      }
    });
  };
  sweep();
  const timer = setInterval(sweep, options.intervalMs ?? 3_600_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
