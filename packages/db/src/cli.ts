import path from 'node:path';
import { MigrationError } from './migrator/errors';
import { migrateNamespaces } from './migrator/migrate';
import { openDatabase } from './open-database';
import { generatedNamespaces, repoRoot } from './paths';

// `npm run migrate`: applies every generated/<namespace>/migrations to DATABASE_URL or the embedded server.
async function main(): Promise<number> {
  const namespaces = generatedNamespaces();
  const shown = namespaces.map((n) => path.relative(repoRoot, n.dir)).join(', ');
  const database = await openDatabase();
  try {
    if (namespaces.length === 0) {
      console.log(
        'migrate: nothing to apply (no generated/<namespace>/migrations yet; run npm run generate)',
      );
      return 0;
    }
    const applied = await migrateNamespaces(database.pool, namespaces, { logger: console });
    console.log(
      applied.length === 0
        ? `migrate: nothing to apply; ${database.url} is up to date with ${shown}`
        : `migrate: applied ${applied.length} migration(s) to ${database.url}: ${applied.map((a) => `${a.namespace}/${a.name}`).join(', ')}`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    console.error(`migrate: ${error.message}`);
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`migrate: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
