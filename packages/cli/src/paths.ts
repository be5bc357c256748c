import path from 'node:path';
import { repoRoot } from '@hero-onboarding/db';

export { repoRoot };

/** The entry points the CLI starts, each its own process. */
export const ENTRY = {
  server: path.join(repoRoot, 'packages/server/src/main.ts'),
  admin: path.join(repoRoot, 'packages/admin/src/main.ts'),
  generate: path.join(repoRoot, 'codegen/src/cli.ts'),
  migrate: path.join(repoRoot, 'packages/db/src/cli.ts'),
  reconcile: path.join(repoRoot, 'packages/server/src/payments/reconcile-main.ts'),
  idenfySimulator: path.join(repoRoot, 'packages/kyc/src/simulator/main.ts'),
  stripeStandIn: path.join(repoRoot, 'packages/payments/src/stand-ins/stripe/main.ts'),
  clickpesaStandIn: path.join(repoRoot, 'packages/payments/src/stand-ins/clickpesa/main.ts'),
} as const;
