import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDatabaseConfig } from '../src/config';
import { repoRoot } from '../src/paths';

describe('resolveDatabaseConfig: the embedded data directory', () => {
  it('defaults to <repo>/.data/postgres, EMBEDDED_PG_DATA_DIR moves it, an explicit option wins', () => {
    expect(resolveDatabaseConfig({ env: {} }).embeddedDataDir).toBe(path.join(repoRoot, '.data', 'postgres'));
    const env = { EMBEDDED_PG_DATA_DIR: '/tmp/smoke-pg' };
    expect(resolveDatabaseConfig({ env }).embeddedDataDir).toBe('/tmp/smoke-pg');
    expect(resolveDatabaseConfig({ env, embedded: { dataDir: '/elsewhere' } }).embeddedDataDir).toBe(
      '/elsewhere',
    );
  });
});
