import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is `packages/db/src/paths.ts`), so paths do not depend on the cwd. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Where the generator writes the onboarding migrations. */
export const defaultMigrationsDir = path.join(repoRoot, 'generated', 'onboarding', 'migrations');

/** The persistent data directory of the embedded development server. */
export const defaultEmbeddedDataDir = path.join(repoRoot, '.data', 'postgres');
