import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '@hero-onboarding/db';
import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../src/generate';
import { writeNamespace } from '../src/output';
import { addField, replaceLine } from './support/schema-edit';
import { readTree, tempWorkspace } from './support/workspace';

const ws = tempWorkspace({ importable: true });
const schema = (file: string) => join(ws.schemas, 'onboarding', file);
const migrationsDir = join(ws.out, 'onboarding', 'migrations');
let t: TestDatabase<Record<string, never>>;

/** Generates like the CLI does; returns the problems as text, or writes and returns the new migration's name. */
function regenerate(allowDestructive = false): { problems: string[]; created?: string } {
  const result = generate({ schemasDir: ws.schemas, outDir: ws.out, allowDestructive });
  if (result.problems.length > 0) return { problems: result.problems.map((p) => p.message) };
  const ns = result.namespaces[0];
  if (ns === undefined) throw new Error('no namespace');
  writeNamespace(join(ws.out, 'onboarding'), ns.files);
  return { problems: [], ...(ns.createdMigration ? { created: ns.createdMigration } : {}) };
}
const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(schema(file), change(readFileSync(schema(file), 'utf8')));

beforeAll(async () => {
  expect(regenerate().created).toBe('0001_init.sql');
  t = await createTestDatabase({ migrationsDir });
  await sql`insert into users (email, display_name) values ('old@example.com', 'Old')`.execute(t.db);
  await sql`insert into kyc_sessions (user_id, client_id, last_run_at) select id, 'c-1', now() from users`.execute(
    t.db,
  );
});
afterAll(async () => {
  await t?.destroy();
  ws.dispose();
});

describe('schema evolution over a populated database', () => {
  it('turns an optional field, a new enum value and a new rootobject into 0002, which applies and keeps the rows', async () => {
    edit('user.yaml', (text) =>
      addField(
        text,
        'User',
        '      nickname?: { type: str, max: 40 }',
        '      score: { type: i32, default: 0, index: true }',
      ),
    );
    edit('kyc.yaml', (text) =>
      replaceLine(
        text,
        'KycStatus: [pending, in_progress, completed, failed, expired]',
        '  KycStatus: [pending, in_progress, completed, failed, expired, on_hold]',
      ),
    );
    writeFileSync(
      schema('notes.yaml'),
      [
        'rootobjects:',
        '  Note:',
        '    fields:',
        '      user_id: { type: User, on_delete: cascade }',
        '      body: str',
        '',
      ].join('\n'),
    );
    const result = regenerate();
    expect(result.problems).toEqual([]);
    expect(result.created).toBe('0002_add_notes_extend_kyc_sessions_status_add_users_nickname_and_more.sql');
    const sqlText = readTree(migrationsDir).get(result.created ?? '') ?? '';
    expect(sqlText).toContain('CREATE TABLE "notes"');
    expect(sqlText).toContain('ALTER TABLE "users" ADD COLUMN "nickname" text;');
    expect(sqlText).toContain('ALTER TABLE "users" ADD COLUMN "score" integer NOT NULL DEFAULT 0;');
    expect(sqlText).toContain('ALTER TABLE "users" DROP CONSTRAINT "users_kyc_status_check";');
    expect(sqlText).toContain(
      `ADD CONSTRAINT "kyc_sessions_status_check" CHECK ("status" IN ('pending', 'in_progress', 'completed', 'failed', 'expired', 'on_hold'))`,
    );
    expect(sqlText).not.toMatch(/^\s*(BEGIN|COMMIT)\b/im);
    expect(await migrate(t.pool, { dir: migrationsDir })).toEqual([result.created]);

    const users = await sql<{
      email: string;
      display_name: string;
      nickname: null;
      score: number;
    }>`select * from users`.execute(t.db);
    expect(users.rows).toEqual([
      expect.objectContaining({ email: 'old@example.com', display_name: 'Old', nickname: null, score: 0 }),
    ]);
    await sql`update kyc_sessions set status = 'on_hold'`.execute(t.db);
    await sql`insert into notes (user_id, body) select id, 'hello' from users`.execute(t.db);
    expect((await sql<{ n: number }>`select count(*)::int as n from notes`.execute(t.db)).rows[0]?.n).toBe(1);
    expect(regenerate().created).toBeUndefined();
  });

  it('refuses a new required field without a default, saying why', () => {
    edit('user.yaml', (text) => addField(text, 'User', '      locale: str'));
    expect(regenerate().problems).toEqual([
      'User.locale is a new required field without a default, so the rows already in users would have no value: give it a default, or make it optional (locale?)',
    ]);
    edit('user.yaml', (text) =>
      replaceLine(text, 'locale: str', "      locale: { type: str, default: 'en' }"),
    );
    expect(regenerate().created).toMatch(/^0003_add_users_locale\.sql$/);
  });

  it('refuses destructive edits naming rootobject.field, and emits them with --allow-destructive', async () => {
    edit('user.yaml', (text) =>
      replaceLine(text, 'nickname?: { type: str, max: 40 }', '      nickname?: { type: i64 }'),
    );
    edit('kyc.yaml', (text) => replaceLine(text, 'outcome?: str', ''));
    edit('user.yaml', (text) =>
      replaceLine(
        text,
        'display_name?: { type: str, max: 200, pii: true }',
        '      display_name: { type: str, max: 200, pii: true }',
      ),
    );
    const before = readTree(migrationsDir);
    expect(regenerate().problems.sort()).toEqual([
      'User.display_name becomes required: SET NOT NULL fails while any row of users has no display_name; rerun with --allow-destructive to emit it',
      'User.nickname changes type (text -> bigint): converting users.nickname can fail or lose data; rerun with --allow-destructive to emit it',
      'WebhookEvent.outcome was removed: dropping column webhook_events.outcome deletes its data; rerun with --allow-destructive to emit it',
    ]);
    expect(readTree(migrationsDir)).toEqual(before);

    const allowed = regenerate(true);
    expect(allowed.problems).toEqual([]);
    const sqlText = readTree(migrationsDir).get(allowed.created ?? '') ?? '';
    expect(sqlText).toContain('ALTER TABLE "webhook_events" DROP COLUMN "outcome";');
    expect(sqlText).toContain(
      'ALTER TABLE "users" ALTER COLUMN "nickname" TYPE bigint USING "nickname"::bigint;',
    );
    expect(sqlText).toContain('ALTER TABLE "users" DROP CONSTRAINT "users_nickname_check";');
    expect(sqlText).toContain('ALTER TABLE "users" ALTER COLUMN "display_name" SET NOT NULL;');
    expect(await migrate(t.pool, { dir: migrationsDir })).toEqual([
      '0003_add_users_locale.sql',
      allowed.created,
    ]);
    const columns = await sql<{
      column_name: string;
    }>`select column_name from information_schema.columns where table_name = 'webhook_events'`.execute(t.db);
    expect(columns.rows.map((r) => r.column_name)).not.toContain('outcome');
    expect((await sql<{ email: string }>`select email from users`.execute(t.db)).rows).toEqual([
      { email: 'old@example.com' },
    ]);
  });

  it('removing an enum value is destructive', () => {
    edit('kyc.yaml', (text) =>
      replaceLine(
        text,
        'KycStatus: [pending, in_progress, completed, failed, expired, on_hold]',
        '  KycStatus: [pending, in_progress, completed, failed, expired]',
      ),
    );
    expect(regenerate().problems.sort()).toEqual([
      'KycSession.status loses enum value(s) on_hold: existing rows of kyc_sessions may violate kyc_sessions_status_check; rerun with --allow-destructive to emit it',
      'User.kyc_status loses enum value(s) on_hold: existing rows of users may violate users_kyc_status_check; rerun with --allow-destructive to emit it',
    ]);
  });
});
