import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oschemaFixture, readTree, runCli, tempWorkspace, typeCheck } from './support/workspace';

// onboarding (the repository's YAML) and audit (an .oschema fixture) side by side.
const ws = tempWorkspace({ importable: true, namespaces: { audit: oschemaFixture('audit') } });
let t: TestDatabase<Record<string, never>>;

beforeAll(async () => {
  const result = runCli(['--schemas', ws.schemas, '--out', ws.out]);
  expect(result.stderr).toBe('');
  expect(result.stdout).toMatch(
    /audit: \d+ written, 0 unchanged, 0 removed, new migration 0001_init\.sql; onboarding: /,
  );
  t = await createTestDatabase({
    migrationsDir: join(ws.out, 'onboarding', 'migrations'),
    namespaces: [{ namespace: 'audit', dir: join(ws.out, 'audit', 'migrations') }],
  });
});
afterAll(async () => {
  await t?.destroy();
  ws.dispose();
});

describe('a second namespace beside onboarding', () => {
  it('generates into its own folder, with its own migration sequence and package export', () => {
    const tree = readTree(ws.out);
    expect(tree.has('audit/repositories/audit-entry.ts')).toBe(true);
    expect(tree.has('audit/migrations/0001_init.sql')).toBe(true);
    expect(tree.has('onboarding/migrations/0001_init.sql')).toBe(true);
    expect(JSON.parse(tree.get('package.json') ?? '{}').exports).toEqual({
      './audit': './audit/index.ts',
      './onboarding': './onboarding/index.ts',
    });
    const docs = readFileSync(ws.docs, 'utf8');
    expect(docs).toContain('## audit\n');
    expect(docs).toContain('## onboarding\n');
    expect(docs).toContain('  audit_entries ||..o{ Change : "changes"');
  });

  it('is importable as @hero-onboarding/generated/<namespace>, both namespaces type-checked together', () => {
    // The package as the workspace links it: the generated folder under its name.
    mkdirSync(join(ws.dir, 'node_modules', '@hero-onboarding'), { recursive: true });
    symlinkSync(ws.out, join(ws.dir, 'node_modules', '@hero-onboarding', 'generated'), 'dir');
    const checked = typeCheck(ws.dir, {
      'usage.ts': [
        "import { auditEntryRepository, type NewAuditEntry } from '@hero-onboarding/generated/audit';",
        "import { userRepository } from '@hero-onboarding/generated/onboarding';",
        "const entry: NewAuditEntry = { occurred_at: new Date(), actor: { kind: 'system' }, action: 'login', target_table: 'users', target_id: 'x', changes: [] };",
        '// @ts-expect-error robot is not an ActorKind',
        "const bad: NewAuditEntry = { ...entry, actor: { kind: 'robot' } };",
        'export const used = [auditEntryRepository, userRepository, entry, bad];',
        '',
      ].join('\n'),
    });
    expect(checked.output).toBe('');
    expect(checked.status).toBe(0);
  });

  it('migrates beside onboarding on PostgreSQL: two 0001_init.sql rows, both schemas usable', async () => {
    const { rows } = await t.pool.query(
      'select namespace, name from schema_migrations order by namespace, name',
    );
    expect(rows).toEqual([
      { namespace: 'audit', name: '0001_init.sql' },
      { namespace: 'onboarding', name: '0001_init.sql' },
    ]);
    const audit = await import(pathToFileURL(join(ws.out, 'audit', 'index.ts')).href);
    const onboarding = await import(pathToFileURL(join(ws.out, 'onboarding', 'index.ts')).href);
    const db = t.db as never;
    const user = await onboarding.userRepository.create(db, { email: 'a@example.com' });
    const entry = await audit.auditEntryRepository.create(db, {
      occurred_at: new Date('2026-01-01T00:00:00Z'),
      actor: { kind: 'admin', id: user.id, ip: '10.0.0.1' },
      action: 'update',
      target_table: 'users',
      target_id: user.id,
      changes: [{ field: 'role', before: 'user', after: 'admin' }],
      request_id: 'req-1',
    });
    expect(entry).toMatchObject({
      actor: { kind: 'admin', id: user.id },
      changes: [{ field: 'role', after: 'admin' }],
    });
    const page = await audit.auditEntryRepository.list(db, {
      where: { target_id: user.id, action: 'update' },
    });
    expect(page.items.map((e: { id: string }) => e.id)).toEqual([entry.id]);
    await expect(
      audit.auditEntryRepository.create(db, { ...entry, id: undefined, request_id: 'req-1' }),
    ).rejects.toBeInstanceOf(audit.UniqueViolationError);
    expect(audit.metadata.AuditEntry.piiFields).toEqual(['note']);
    const exported = await audit.auditExportRepository.create(db, {
      requested_by: 'ops',
      filter: { action: 'login' },
    });
    expect(exported.row_count).toBe('0');
  });
});

describe('across namespaces', () => {
  it('refuses a reference into another namespace, at the type, and writes nothing', () => {
    const other = tempWorkspace({ namespaces: { audit: oschemaFixture('audit') } });
    try {
      const file = join(other.schemas, 'audit', 'audit.oschema');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('    requested_by: str', '    requested_by: User'),
      );
      const result = runCli(['--schemas', other.schemas, '--out', other.out], other.dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        'schemas/audit/audit.oschema:37:19 User is declared in namespace onboarding, not audit: a namespace cannot refer to another (each has its own migrations and may live without the other); declare what you need in audit\n',
      );
      expect(readTree(other.dir).has('generated/audit/index.ts')).toBe(false);
    } finally {
      other.dispose();
    }
  });

  it('refuses two namespaces that want one table, naming the other namespace', () => {
    const other = tempWorkspace({ namespaces: { design: oschemaFixture('design') } });
    try {
      const result = runCli(['--schemas', other.schemas, '--out', other.out], other.dir);
      expect(result.status).toBe(1);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toContain(
        'schemas/onboarding/user.yaml:3:3 table users is already used by rootobject User of namespace design; namespaces share one database, so set `table:` to another name (e.g. onboarding_users)',
      );
      expect(lines.every((l) => /^schemas\/\S+:\d+:\d+ /.test(l))).toBe(true);
      expect(readTree(other.dir).has('generated/onboarding/index.ts')).toBe(false);
    } finally {
      other.dispose();
    }
  });
});
