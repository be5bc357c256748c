import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NamespaceMigrations } from './migrator/migrate';

/** The repository root (this file is `packages/db/src/paths.ts`), so paths do not depend on the cwd. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Where the generator writes the onboarding migrations. */
export const defaultMigrationsDir = path.join(repoRoot, 'generated', 'onboarding', 'migrations');

/** The persistent data directory of the embedded development server. */
export const defaultEmbeddedDataDir = path.join(repoRoot, '.data', 'postgres');

/**
 * Every namespace the generator wrote: `generated/<namespace>/migrations`, in name order.
 * @example await migrateNamespaces(pool, generatedNamespaces());
 */
export function generatedNamespaces(generatedDir = path.join(repoRoot, 'generated')): NamespaceMigrations[] {
  if (!existsSync(generatedDir)) return [];
  return readdirSync(generatedDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(generatedDir, entry.name, 'migrations')))
    .map((entry) => entry.name)
    .sort()
    .map((namespace) => ({ namespace, dir: path.join(generatedDir, namespace, 'migrations') }));
}
