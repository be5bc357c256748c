import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toYaml } from '../src/convert/to-yaml';
import { generateNamespace } from '../src/generate';
import type { NamespaceNode } from '../src/ir';
import { parseSources } from '../src/parse';
import { compile } from './support/in-memory';

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const fixtures = (ns: string) => {
  const dir = join(import.meta.dirname, 'fixtures', 'oschema', ns);
  return Object.fromEntries(readdirSync(dir).map((f) => [`${ns}/${f}`, readFileSync(join(dir, f), 'utf8')]));
};
const problems = (files: Record<string, string>) => compile(files).problems;
const one = (...body: string[]) =>
  problems({ 'a.oschema': lines('Color = "red" | "green"', '', '[rootobject]', 'Thing = {', ...body, '}') });

/** The IR without positions and file names, to compare what two syntaxes declared. */
function shape(ns: NamespaceNode | undefined): unknown {
  return JSON.parse(
    JSON.stringify(ns, (key, value) =>
      key === 'at' || key === 'file' || key === 'files' ? undefined : value,
    ),
  );
}

describe('.oschema files', () => {
  it('read the design fixtures: rootobjects, enums, value types, lists, docs, annotations and overlays', () => {
    const { namespace, problems: found } = compile(fixtures('design'));
    expect(found).toEqual([]);
    expect(namespace?.enums.map((e) => [e.name, e.values, e.doc])).toEqual([
      [
        'KycStatus',
        ['pending', 'in_progress', 'completed', 'failed', 'expired'],
        'Where a person stands with identity verification.',
      ],
      ['UserRole', ['user', 'admin'], undefined],
      [
        'ContactChannel',
        ['email', 'sms', 'post'],
        'How we may reach someone; the list is long enough to wrap.',
      ],
    ]);
    expect(namespace?.valueTypes.map((v) => v.name)).toEqual(['Address', 'Contact']);
    expect(namespace?.rootobjects.map((r) => [r.name, r.table, r.doc])).toEqual([
      ['User', 'users', 'A person with an account.'],
      [
        'KycSession',
        'kyc_sessions',
        'One verification attempt; its token is re-minted in place when it expires.',
      ],
      ['Profile', 'profiles', undefined],
    ]);
    const user = namespace?.rootobjects[0];
    // `sid: sid` is the row's own id: no column of its own.
    expect(user?.fields.map((f) => f.name)).toEqual([
      'email',
      'display_name',
      'role',
      'kyc_status',
      'kyc_verified_at',
    ]);
    expect(user?.fields[0]).toMatchObject({
      unique: true,
      pii: true,
      format: 'email',
      doc: 'lower-cased sign-in address',
      at: { file: 'design/10_user.oschema', line: 7, col: 5 },
    });
    expect(user?.fields[2]).toMatchObject({ index: true, default: { kind: 'literal', value: 'user' } });
    const kyc = namespace?.rootobjects[1];
    const field = (name: string) => kyc?.fields.find((f) => f.name === name);
    expect(field('client_id')).toMatchObject({
      doc: 'the user id plus -<timestamp>, sent to iDenfy as clientId',
      max: 100,
    });
    expect(field('user_id')).toMatchObject({
      type: { kind: 'ref', name: 'User' },
      onDelete: 'cascade',
      index: true,
    });
    expect(field('status')?.lifecycle?.transitions[0]).toEqual({
      from: 'pending',
      to: ['in_progress', 'failed'],
    });
    expect(field('provider_tags')?.type).toEqual({ kind: 'array', of: { kind: 'scalar', name: 'str' } });
    const profile = namespace?.rootobjects[2];
    expect(profile?.fields.find((f) => f.name === 'previous_addresses')).toMatchObject({
      type: { kind: 'array', of: { kind: 'value', name: 'Address' } },
      default: { kind: 'json', value: [] },
    });
  });

  it('build the same IR as the YAML that --to-yaml writes for them', () => {
    for (const ns of ['design', 'audit']) {
      const files = fixtures(ns);
      const { inputs, problems: found } = parseSources(
        Object.entries(files).map(([file, text]) => ({ file, text })),
      );
      expect(found).toEqual([]);
      const yaml = Object.fromEntries(
        inputs.map((input) => [input.file.replace(/\.oschema$/, '.yaml'), toYaml(input)]),
      );
      const fromYaml = compile(yaml);
      expect(fromYaml.problems).toEqual([]);
      expect(shape(fromYaml.namespace)).toEqual(shape(compile(files).namespace));
    }
  });

  it('writes YAML an author would: short fields, one-line options, block lifecycles', () => {
    const files = fixtures('design');
    const kyc = parseSources(
      ['design/20_kyc.oschema', 'design/20_kyc.oschema.yaml'].map((file) => ({
        file,
        text: files[file] ?? '',
      })),
    ).inputs[0];
    const yaml = toYaml(kyc ?? { file: '', enums: [], rootobjects: [], valueTypes: [] });
    expect(yaml).toContain('      user_id: { type: User, index: true, on_delete: cascade }\n');
    expect(yaml).toContain('      last_run_at: otime\n');
    expect(yaml).toContain(
      '      provider_tags?: { type: "[]str", doc: "fraud and mismatch tags, kept for admins" }\n',
    );
    expect(yaml).toContain(
      lines(
        '      status:',
        '        type: KycStatus',
        '        index: true',
        '        default: pending',
        '        lifecycle:',
        '          pending: [ in_progress, failed ]',
      ),
    );
  });

  it('accept `sid` as the row id, and refuse hand-declared timestamps with the fix', () => {
    expect(one('    sid: sid', '    name: str')).toEqual([]);
    const ids = compile({
      'a.oschema': lines(
        '[rootobject]',
        'Thing = {',
        '    sid: sid',
        '    owner_sid: sid',
        '    seen: [sid]',
        '}',
      ),
    }).namespace?.rootobjects[0]?.fields;
    // Only the row's own `sid` goes; another field typed sid is an id of something unnamed: text.
    expect(ids?.map((f) => [f.name, f.type])).toEqual([
      ['owner_sid', { kind: 'scalar', name: 'str' }],
      ['seen', { kind: 'array', of: { kind: 'scalar', name: 'str' } }],
    ]);
    expect(one('    created_at: otime', '    updated_at: otime')).toEqual([
      'a.oschema:5:5 Thing.created_at is generated for every rootobject (id, created_at, updated_at and sid are reserved): remove it, or rename it if it means something else (e.g. last_run_at)',
      'a.oschema:6:5 Thing.updated_at is generated for every rootobject (id, created_at, updated_at and sid are reserved): remove it, or rename it if it means something else (e.g. last_run_at)',
    ]);
    expect(one('    sid: u32')).toEqual([
      expect.stringMatching(/^a\.oschema:5:5 Thing\.sid is generated for every rootobject/),
    ]);
  });

  it('report syntax mistakes at their line and column, one line each', () => {
    expect(one('    name: strng')).toEqual([
      "a.oschema:5:11 unknown type 'strng' (did you mean 'str'?); types are str, bool, i32, u32, i64, u64, f64, otime, json, []T, an enum, a value type or a rootobject",
    ]);
    expect(one('    name:')).toEqual(['a.oschema:5:10 expected a type after :']);
    expect(one('    name str')).toEqual(['a.oschema:5:10 field name needs a type: `name: str`']);
    expect(one('    name: str @uniqe')).toEqual([
      "a.oschema:5:15 unknown annotation '@uniqe' (did you mean '@unique'?); known: @index, @unique, @pii, @default, @min, @max, @format, @on_delete, @renamed_from",
    ]);
    expect(one('    name: str @default')).toEqual([
      'a.oschema:5:15 @default needs a value, e.g. @default(pending)',
    ]);
    expect(one('    name: str @index(true)')).toEqual(['a.oschema:5:22 @index takes no value']);
    expect(one('    name: str @max(ten)')).toEqual(['a.oschema:5:20 @max needs a number']);
    expect(one('    name: str @index @index')).toEqual(['a.oschema:5:22 @index is written twice']);
    expect(one('    name: str unique')).toEqual([
      "a.oschema:5:15 unexpected 'unique' after the type; annotations start with @",
    ]);
    expect(one('    tags: [str')).toEqual(['a.oschema:5:15 a list type needs its closing ]']);
    expect(one('    name: str @default("open')).toEqual([
      'a.oschema:5:24 unterminated string: close it with "',
    ]);
    expect(one('    na-me: str')).toEqual(["a.oschema:5:7 unexpected character '-'"]);
    expect(problems({ 'a.oschema': lines('[rootobject]', 'Thing = {', '    name: str') })).toEqual([
      'a.oschema:2:9 Thing = { is never closed: add a line with }',
    ]);
    expect(problems({ 'a.oschema': lines('[rootobject]', 'Color = "red" | "green"') })).toEqual([
      'a.oschema:1:1 [rootobject] marks a struct (Name = { ... }); Color is an enum',
    ]);
    expect(problems({ 'a.oschema': lines('[table]', 'Thing = {', '    name: str', '}') })).toEqual([
      "a.oschema:1:2 unknown marker '[table]': the only one is [rootobject]",
    ]);
    expect(problems({ 'a.oschema': lines('Thing {', '}') })).toEqual([
      'a.oschema:1:1 expected a declaration: `Name = { ... }` or `Name = "a" | "b"`',
      'a.oschema:2:1 expected a declaration: `Name = { ... }` or `Name = "a" | "b"`',
    ]);
    expect(problems({ 'a.oschema': lines('Color = "red" |') })).toEqual([
      'a.oschema:1:15 an enum value must follow |',
    ]);
    expect(problems({ 'a.oschema': lines('Color = "red" "green"') })).toEqual([
      'a.oschema:1:15 expected | between enum values but found \'"green"\'',
    ]);
  });

  it('report meaning mistakes through the same checks as YAML', () => {
    expect(one('    name: str', '    name?: str')).toEqual([
      "a.oschema:6:5 duplicate field 'name?' in Thing: 'name' is already declared",
    ]);
    expect(one('    color: Color @default(blue)')).toEqual([
      'a.oschema:5:27 Thing.color: bad default "blue": not a value of Color (red, green)',
    ]);
    expect(one('    count: u32 @default(-1)')).toEqual([
      'a.oschema:5:25 Thing.count: bad default -1: out of range for u32',
    ]);
    expect(one('    owner: Usr')).toEqual([
      "a.oschema:5:12 dangling reference 'Usr': no rootobject, enum or value type of that name in any schema of namespace test",
    ]);
    expect(
      compile(
        { 'a.oschema': lines('[rootobject]', 'Thing = {', '    owner: User', '}') },
        new Map([['User', 'onboarding']]),
      ).problems,
    ).toEqual([
      'a.oschema:3:12 User is declared in namespace onboarding, not test: a namespace cannot refer to another (each has its own migrations and may live without the other); declare what you need in test',
    ]);
  });

  it('refuse row-only options on value types, and value types that contain themselves', () => {
    expect(
      problems({ 'a.oschema': lines('Point = {', '    x: f64 @unique', '    y: f64 @default(0)', '}') }),
    ).toEqual([
      'a.oschema:2:12 Point.x: unique applies to rootobject fields only (a value type is stored as jsonb inside the row that holds it)',
      'a.oschema:3:21 Point.y: default applies to rootobject fields only (a value type is stored as jsonb inside the row that holds it)',
    ]);
    expect(
      problems({
        'a.oschema': lines('Node = {', '    children: [Leaf]', '}', 'Leaf = {', '    parent?: Node', '}'),
      }),
    ).toEqual([
      'a.oschema:5:5 Leaf.parent: value type Node would contain itself (Node -> Leaf -> Node); a value is stored as one JSON document, so it cannot be recursive',
    ]);
  });

  it('take what oschema cannot say from the overlay beside it, and refuse overlays that do not fit', () => {
    const base = lines(
      '[rootobject]',
      'Thing = {',
      '    name: str @unique',
      '    state: Color',
      '}',
      'Color = "red" | "green"',
      'Point = {',
      '    x: f64',
      '}',
    );
    const overlay = (...l: string[]) => problems({ 'a.oschema': base, 'a.oschema.yaml': lines(...l) });
    expect(
      compile({
        'a.oschema': base,
        'a.oschema.yaml': lines(
          'rootobjects:',
          '  Thing:',
          '    table: things_v2',
          '    fields:',
          '      state: { default: red }',
        ),
      }).namespace?.rootobjects[0],
    ).toMatchObject({
      table: 'things_v2',
      fields: [{ name: 'name' }, { name: 'state', default: { value: 'red' } }],
    });
    expect(overlay('rootobjects:', '  Thing:', '    fields:', '      color: { default: red }')).toEqual([
      'a.oschema.yaml:4:7 Thing has no field color in the .oschema (its fields: name, state); declare it there first',
    ]);
    expect(overlay('rootobjects:', '  Thing:', '    fields:', '      name: { unique: false }')).toEqual([
      'a.oschema.yaml:4:23 Thing.name: unique is already set at a.oschema:3:15; set it in one place',
    ]);
    expect(overlay('rootobjects:', '  Thing:', '    fields:', '      name: { type: i32 }')).toEqual([
      "a.oschema.yaml:4:15 unknown key 'type' in field name; allowed: unique, index, default, doc, format, min, max, pii, on_delete, lifecycle, renamed_from",
    ]);
    expect(overlay('rootobjects:', '  Point:', '    fields:', '      x: { min: 0 }')).toEqual([
      'a.oschema.yaml:2:3 Point is a value type in a.oschema (no [rootobject] line above it); list it under valuetypes, or mark it [rootobject]',
    ]);
    expect(overlay('rootobjects:', '  Other:', '    doc: x')).toEqual([
      'a.oschema.yaml:2:3 a.oschema declares no rootobject Other; an overlay only adds to declarations of its .oschema',
    ]);
    expect(overlay('enums:', '  Color: [blue]')).toEqual([
      'a.oschema.yaml:1:1 enums are complete in a.oschema; an overlay cannot add to them',
    ]);
    expect(problems({ 'b.oschema.yaml': lines('rootobjects: {}') })).toEqual([
      'b.oschema.yaml:1:1 this overlay adds to b.oschema, which does not exist; rename it or remove it',
    ]);
  });
});

describe('renamed_from', () => {
  it('is refused when it cannot be a rename, in either syntax, at the old name', () => {
    expect(one('    title: str @renamed_from(title)')).toEqual([
      "a.oschema:5:30 Thing.title: renamed_from 'title' is its own name; remove renamed_from",
    ]);
    expect(one('    title: str @renamed_from(name)', '    name: str')).toEqual([
      "a.oschema:5:30 Thing.title: renamed_from 'name', but Thing still declares name; a rename moves the column, so remove one of them",
    ]);
    expect(one('    title: str @renamed_from(name)', '    label: str @renamed_from(name)')).toEqual([
      "a.oschema:6:30 Thing.label: renamed_from 'name', which Thing.title already renames; only one field can take over column name",
    ]);
    expect(
      problems({
        'a.yaml': lines(
          'rootobjects:',
          '  Note:',
          '    renamed_from: Memo',
          '    fields: { body: str }',
          '  Letter:',
          '    renamed_from: Memo',
          '    fields: { body: str }',
          '  Card:',
          '    renamed_from: Note',
          '    fields: { body: str }',
        ),
      }),
    ).toEqual([
      "a.yaml:6:19 rootobject Letter: renamed_from 'Memo', which rootobject Note already renames; only one can take over its table",
      "a.yaml:9:19 rootobject Card: renamed_from 'Note', but Note is still declared; a rename moves the table, so remove one of them",
    ]);
  });

  it('turns an .oschema @renamed_from and an overlay renamed_from into RENAME statements', () => {
    const v1 = { 'ns/a.oschema': lines('[rootobject]', 'Memo = {', '    body: str @unique', '}') };
    const first = generateNamespace(
      { name: 'ns', sources: source(v1), existing: { files: new Map() }, snapshotFile: 'snapshot.json' },
      {},
    );
    const existing = {
      files: new Map([['0001_init.sql', first.files.get('migrations/0001_init.sql') ?? '']]),
      snapshot: first.files.get('migrations/snapshot.json') ?? '',
    };
    const v2 = {
      'ns/a.oschema': lines('[rootobject]', 'Note = {', '    text: str @unique @renamed_from(body)', '}'),
      'ns/a.oschema.yaml': lines('rootobjects:', '  Note:', '    renamed_from: Memo'),
    };
    const second = generateNamespace(
      { name: 'ns', sources: source(v2), existing, snapshotFile: 'snapshot.json' },
      {},
    );
    expect(second.problems).toEqual([]);
    expect(second.createdMigration).toBe('0002_rename_memos_to_notes_rename_notes_body_to_text.sql');
    const text = second.files.get(`migrations/${second.createdMigration}`) ?? '';
    expect(text).toContain('ALTER TABLE "memos" RENAME TO "notes";');
    expect(text).toContain('ALTER TABLE "notes" RENAME CONSTRAINT "memos_body_key" TO "notes_body_key";');
    expect(text).toContain('ALTER TABLE "notes" RENAME COLUMN "body" TO "text";');
    expect(text).toContain('ALTER TABLE "notes" RENAME CONSTRAINT "notes_body_key" TO "notes_text_key";');
    const snapshot = JSON.parse(second.files.get('migrations/snapshot.json') ?? '{}');
    expect(snapshot.tables.notes.renamedFrom).toEqual(['Memo']);
    expect(
      snapshot.tables.notes.columns.find((c: { name: string }) => c.name === 'text').renamedFrom,
    ).toEqual(['body']);
  });
});

function source(files: Record<string, string>) {
  return Object.entries(files).map(([file, text]) => ({ file, text }));
}
