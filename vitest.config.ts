import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['codegen/**/*.test.ts', 'packages/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', '.data/**', '**/fixtures/out/**'],
    // One PostgreSQL for the run; each test file makes its own database with createTestDatabase().
    globalSetup: ['packages/db/src/testing/global-setup.ts'],
    pool: 'forks',
    // Two cores, shared: one worker per core.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    typecheck: {
      enabled: true,
      include: ['codegen/**/*.test-d.ts', 'packages/**/*.test-d.ts', 'scripts/**/*.test-d.ts'],
      tsconfig: 'tsconfig.json',
    },
  },
});
