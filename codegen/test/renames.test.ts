import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { migrate } from '@hero-onboarding/db';
import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../src/generate';
import { writeFileIfChanged, writeNamespace } from '../src/output';
import { formatProblem } from '../src/problem';
import { replaceLine } from './support/schema-edit';
import { readTree, runCli, tempWorkspace } from './support/workspace';

const ws = tempWorkspace({ importable: true });
const fresh = tempWorkspace({ importable: true });
const migrationsDir = join(ws.out, 'onboarding', 'migrations');
let t: TestDatabase<Record<string, never>>;
let reference: TestDatabase<Record<string, never>>;

function regenerate(dir: typeof ws): { problems: string[]; created?: string } {
  const result = generate({ schemasDir: dir.schemas, outDir: dir.out });
  if (result.problems.length > 0)
    return { problems: result.problems.map((p) => formatProblem(p, (f) => relative(dir.dir, f))) };
  const ns = result.namespaces[0];
  if (ns === undefined) throw new Error('no namespace');
  writeNamespace(join(dir.out, 'onboarding'), ns.files);
  for (const [file, content] of result.shared) writeFileIfChanged(file, content);
  return { problems: [], ...(ns.createdMigration ? { created: ns.createdMigration } : {}) };
}
const edit = (dir: typeof ws, file: string, ...changes: [string, string][]) => {
  const path = join(dir.schemas, 'onboarding', file);
  writeFileSync(
    path,
    changes.reduce((text, [from, to]) => replaceLine(text, from, to), readFileSync(path, 'utf8')),
  );
};

// The same renames twice: with renamed_from over a populated database, and as a fresh schema for comparison.
function rename(dir: typeof ws, withHistory: boolean) {
  const from = (old: string) => (withHistory ? `, renamed_from: ${old}` : '');
  edit(
    dir,
    'user.yaml',
    [
      'display_name?: { type: str, max: 200, pii: true }',
      `      full_name?: { type: str, max: 200, pii: true${from('display_name')} }`,
    ],
    ['LoginChallenge:', `  SignInChallenge:${withHistory ? '\n    renamed_from: LoginChallenge' : ''}`],
    [
      'requested_ip?: { type: str, index: true, pii: true, doc: Kept for per-IP rate limiting. }',
      `      client_ip?: { type: str, index: true, pii: true${from('requested_ip')}, doc: Kept for per-IP rate limiting. }`,
    ],
    [
      'token_hash: { type: str, unique: true }',
      `      token_digest: { type: str, unique: true${from('token_hash')} }`,
    ],
  );
}

const catalog = async (db: TestDatabase<Record<string, never>>) => {
  const q = async (text: string) => (await db.pool.query(text)).rows;
  return {
    columns: await q(`select table_name, column_name, data_type, is_nullable, column_default, ordinal_position
      from information_schema.columns where table_schema = 'public' and table_name <> 'schema_migrations'
      order by table_name, ordinal_position`),
    constraints:
      await q(`select conrelid::regclass::text as on_table, conname, pg_get_constraintdef(oid) as def
      from pg_constraint where connamespace = 'public'::regnamespace and conrelid <> 'schema_migrations'::regclass
      order by 1, 2`),
    indexes: await q(`select tablename, indexname, indexdef from pg_indexes
      where schemaname = 'public' and tablename <> 'schema_migrations' order by 1, 2`),
  };
};

beforeAll(async () => {
  expect(regenerate(ws).created).toBe('0001_init.sql');
  t = await createTestDatabase({ migrationsDir });
  await sql`insert into users (email, display_name) values ('old@example.com', 'Old Name')`.execute(t.db);
  await sql`insert into login_challenges (email, code_hash, expires_at, requested_ip)
    values ('old@example.com', 'h', now(), '10.0.0.7')`.execute(t.db);
  await sql`insert into auth_sessions (user_id, token_hash, expires_at) select id, 'digest-1', now() from users`.execute(
    t.db,
  );
});
afterAll(async () => {
  await t?.destroy();
  await reference?.destroy();
  if (!process.env.KEEP) ws.dispose();
  if (!process.env.KEEP) fresh.dispose();
});

/** The line a schema file holds `text` on, so expectations follow the schema as it evolves. */
function lineOf(file: string, text: string): number {
  const lines = readFileSync(join(ws.schemas, 'onboarding', file), 'utf8').split('\n');
  return lines.findIndex((line) => line.includes(text)) + 1;
}

describe('renamed_from', () => {
  it('renames tables, columns, constraints and indexes in place: rows kept, same catalog as a fresh schema', async () => {
    rename(ws, true);
    const result = regenerate(ws);
    expect(result.problems).toEqual([]);
    expect(result.created).toBe('0002_rename_login_challenges_to_sign_in_challenges_and_more.sql');
    const text = readTree(migrationsDir).get(result.created ?? '') ?? '';
    expect(text).toContain('ALTER TABLE "login_challenges" RENAME TO "sign_in_challenges";');
    expect(text).toContain(
      'ALTER TABLE "sign_in_challenges" RENAME CONSTRAINT "login_challenges_pkey" TO "sign_in_challenges_pkey";',
    );
    expect(text).toContain(
      'ALTER INDEX "login_challenges_email_idx" RENAME TO "sign_in_challenges_email_idx";',
    );
    expect(text).toContain('ALTER TABLE "sign_in_challenges" RENAME COLUMN "requested_ip" TO "client_ip";');
    expect(text).toContain('ALTER TABLE "users" RENAME COLUMN "display_name" TO "full_name";');
    expect(text).toContain(
      'ALTER TABLE "auth_sessions" RENAME CONSTRAINT "auth_sessions_token_hash_key" TO "auth_sessions_token_digest_key";',
    );
    expect(text).not.toMatch(/\bDROP\b|\bADD\b/);
    expect(await migrate(t.pool, { dir: migrationsDir })).toEqual([result.created]);

    const users = await sql<{ full_name: string }>`select full_name from users`.execute(t.db);
    expect(users.rows).toEqual([{ full_name: 'Old Name' }]);
    const challenges = await sql<{ client_ip: string }>`select client_ip from sign_in_challenges`.execute(
      t.db,
    );
    expect(challenges.rows).toEqual([{ client_ip: '10.0.0.7' }]);

    rename(fresh, false);
    expect(regenerate(fresh).created).toBe('0001_init.sql');
    reference = await createTestDatabase({ migrationsDir: join(fresh.out, 'onboarding', 'migrations') });
    expect(await catalog(t)).toEqual(await catalog(reference));
  });

  it('leaves the generated code naming the new names, so typed errors still find their field', async () => {
    const generated = await import(pathToFileURL(join(ws.out, 'onboarding', 'index.ts')).href);
    const db = t.db as never;
    const user = await generated.userRepository.findByEmail(db, 'old@example.com');
    expect(user.full_name).toBe('Old Name');
    const duplicate = await generated.authSessionRepository
      .create(db, { user_id: user.id, token_digest: 'digest-1', expires_at: new Date() })
      .catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(generated.UniqueViolationError);
    expect(duplicate).toMatchObject({ table: 'auth_sessions', field: 'token_digest' });
    expect((await generated.signInChallengeRepository.count(db, { client_ip: '10.0.0.7' })) as number).toBe(
      1,
    );
  });

  it('is history once applied: --check passes and nothing new is written while renamed_from stays', () => {
    expect(regenerate(ws).created).toBeUndefined();
    const check = runCli(['--check', '--schemas', ws.schemas, '--out', ws.out], ws.dir);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('refuses a rename of something the database does not have, or onto a column it has, at the renamed_from', () => {
    const before = readTree(migrationsDir);
    edit(ws, 'user.yaml', [
      'kyc_verified_at?: otime',
      '      kyc_verified_at?: { type: otime, renamed_from: verified_on }',
    ]);
    expect(regenerate(ws).problems).toEqual([
      `schemas/onboarding/user.yaml:${lineOf('user.yaml', 'renamed_from: verified_on')}:54 renamed_from 'verified_on': the database model (migrations/snapshot.json, as of 0002_rename_login_challenges_to_sign_in_challenges_and_more) has no column users.verified_on to rename to kyc_verified_at; there is nothing to rename (remove renamed_from, or fix the old name)`,
    ]);
    edit(
      ws,
      'user.yaml',
      ['kyc_verified_at?: { type: otime, renamed_from: verified_on }', '      kyc_verified_at?: otime'],
      ['full_name?: { type: str, max: 200, pii: true, renamed_from: display_name }', ''],
      ['kyc_verified_at?: otime', '      kyc_verified_at?: { type: otime, renamed_from: full_name }'],
    );
    expect(regenerate(ws).problems).toEqual([
      `schemas/onboarding/user.yaml:${lineOf('user.yaml', 'renamed_from: full_name')}:54 User.kyc_verified_at: cannot rename full_name onto column users.kyc_verified_at, which the database model (migrations/snapshot.json, as of 0002_rename_login_challenges_to_sign_in_challenges_and_more) already has; two columns cannot end up with one name`,
    ]);
    edit(ws, 'user.yaml', [
      'kyc_verified_at?: { type: otime, renamed_from: full_name }',
      '      kyc_verified_at?: otime',
    ]);
    edit(ws, 'kyc.yaml', ['KycSession:', '  KycAttempt:\n    renamed_from: KycRun']);
    expect(regenerate(ws).problems).toEqual([
      `schemas/onboarding/kyc.yaml:${lineOf('kyc.yaml', 'renamed_from: KycRun')}:19 renamed_from 'KycRun': the database model (migrations/snapshot.json, as of 0002_rename_login_challenges_to_sign_in_challenges_and_more) has no rootobject KycRun; there is nothing to rename (remove renamed_from, or fix the old name)`,
    ]);
    expect(readTree(migrationsDir)).toEqual(before);
  });
});
