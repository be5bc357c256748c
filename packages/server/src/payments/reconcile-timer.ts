import type { PaymentDeps } from '../context';
import { reconcile } from './reconcile';

/**
 * Runs the reconcile sweep every `intervalSeconds` inside the server (RECONCILE_INTERVAL_SECONDS; off when
 * 0). Sweeps never overlap in one process, and the per-top-up claim keeps several processes from asking
 * the provider twice. The timer does not keep the process alive.
 */
export function startReconcileTimer(deps: PaymentDeps, intervalSeconds: number): { stop(): Promise<void> } {
  if (intervalSeconds <= 0) return { stop: async () => {} };
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running !== undefined) return;
    running = reconcile(deps)
      .catch((error: unknown) => deps.logger.warn('reconcile sweep failed', { error }))
      .finally(() => {
        running = undefined;
      });
  }, intervalSeconds * 1000);
  timer.unref();
  deps.logger.info(`reconcile sweep every ${intervalSeconds} s`);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
