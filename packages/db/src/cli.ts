import { existsSync } from 'node:fs';
import path from 'node:path';
import { MigrationError } from './migrator/errors';
import { migrate } from './migrator/migrate';
import { openDatabase } from './open-database';
import { defaultMigrationsDir, repoRoot } from './paths';

// `npm run migrate`: applies generated/onboarding/migrations to DATABASE_URL or the embedded server.
async function main(): Promise<number> {
  const shownDir = path.relative(repoRoot, defaultMigrationsDir);
  const database = await openDatabase();
  try {
    if (!existsSync(defaultMigrationsDir)) {
      console.log(`migrate: nothing to apply (${shownDir} does not exist yet; run npm run generate)`);
      return 0;
    }
    const applied = await migrate(database.pool, { dir: defaultMigrationsDir, logger: console });
    console.log(
      applied.length === 0
        ? `migrate: nothing to apply; ${database.url} is up to date with ${shownDir}`
        : `migrate: applied ${applied.length} migration(s) to ${database.url}: ${applied.join(', ')}`,
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
