import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultMigrationsDir, repoRoot } from '../src/index';
import { createTestDatabase, type TestDatabase } from '../src/testing/index';

const run = promisify(execFile);
let t: TestDatabase<Record<string, never>>;
let url: string;
const password = `pw-${process.pid}-cli`;

beforeAll(async () => {
  t = await createTestDatabase({ migrationsDir: false });
  const role = `cli_${t.name}`;
  // A role of its own, so the test can tell its password apart from anything else in the output.
  await t.pool.query(`create role ${role} login password '${password}'`);
  await t.pool.query(`alter database ${t.name} owner to ${role}`);
  const parsed = new URL(t.url);
  parsed.username = role;
  parsed.password = password;
  url = parsed.toString();
});
afterAll(() => t.destroy());

it('npm run migrate applies the repository migrations to DATABASE_URL (or says there are none)', async () => {
  const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
  const { stdout, stderr } = await run(tsx, [path.join(repoRoot, 'packages/db/src/cli.ts')], {
    cwd: path.join(repoRoot, 'packages'), // the CLI must not depend on the cwd
    env: { ...process.env, DATABASE_URL: url },
  });
  const output = stdout + stderr;
  expect(output).not.toContain(password);
  expect(output).toContain(':***@');

  const expected = existsSync(defaultMigrationsDir)
    ? readdirSync(defaultMigrationsDir)
        .filter((name) => name.endsWith('.sql'))
        .sort()
    : [];
  if (expected.length === 0) {
    expect(output).toContain('nothing to apply');
  } else {
    const { rows } = await t.pool.query<{ name: string }>('select name from schema_migrations order by name');
    expect(rows.map((row) => row.name)).toEqual(expected);
  }
});
