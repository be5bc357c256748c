import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import type { Database } from '@hero-onboarding/generated/onboarding';
import { startServerProcess } from '@hero-onboarding/server/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./smoke_kyc.sh', import.meta.url));
let database: TestDatabase<Database>;
let server: Awaited<ReturnType<typeof startServerProcess>>;

beforeAll(async () => {
  database = await createTestDatabase<Database>();
  // Dev defaults, as `npm start` has them: the built-in simulator runs inside the server process.
  server = await startServerProcess({ DATABASE_URL: database.url, NODE_ENV: 'development' });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await database?.destroy();
});

it('scripts/smoke_kyc.sh passes its five steps against a dev-mode server', async () => {
  const { stdout } = await promisify(execFile)('bash', [SCRIPT, server.url], { timeout: 60_000 });
  expect(stdout).toContain('smoke_kyc: all 5 steps passed');
  const completed = await database.db
    .selectFrom('users')
    .select('kyc_status')
    .where('kyc_status', '=', 'completed')
    .execute();
  expect(completed).toHaveLength(1);
});
