import { describe, expect, it } from 'vitest';
import { compile, yaml } from './support/in-memory';

const user = yaml(
  'enums:', //                                      1
  '  UserRole: [user, admin]', //                    2
  'rootobjects:', //                                 3
  '  User:', //                                      4
  '    fields:', //                                  5
  '      email: { type: str, unique: true }', //     6
  '      role: { type: UserRole, default: user }', // 7
  '      kyc_status: { type: KycStatus, default: pending }', // 8
);
const kyc = yaml(
  'enums:',
  '  KycStatus: [pending, in_progress, completed]',
  'rootobjects:',
  '  KycSession:',
  '    fields:',
  '      user_id: User',
  '      status:',
  '        type: KycStatus',
  '        lifecycle:',
  '          pending: [in_progress]',
  '          in_progress: [completed]',
);

const one = (...fieldLines: string[]) =>
  compile({
    'a.yaml': yaml(
      'enums:',
      '  Color: [red, green]',
      'rootobjects:',
      '  Thing:',
      '    fields:',
      ...fieldLines,
    ),
  }).problems;

describe('parse + IR stages (in memory)', () => {
  it('resolves references across files of one namespace', () => {
    const { namespace, problems } = compile({ 'user.yaml': user, 'kyc.yaml': kyc });
    expect(problems).toEqual([]);
    const session = namespace?.rootobjects.find((r) => r.name === 'KycSession');
    expect(session?.table).toBe('kyc_sessions');
    expect(session?.fields[0]?.type).toEqual({ kind: 'ref', name: 'User', table: 'users' });
    const userNode = namespace?.rootobjects.find((r) => r.name === 'User');
    expect(userNode?.fields[2]?.type).toEqual({ kind: 'enum', name: 'KycStatus' });
    expect(session?.fields[1]?.lifecycle?.transitions).toEqual([
      { from: 'pending', to: ['in_progress'] },
      { from: 'in_progress', to: ['completed'] },
      { from: 'completed', to: [] },
    ]);
  });

  it('reports a YAML syntax error with its position', () => {
    const problems = compile({
      'bad.yaml': yaml('rootobjects:', '  User:', '    fields:', '      email: [str', '      name: str'),
    }).problems;
    expect(problems).toEqual([
      'bad.yaml:5:7 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('hints at quoting an unquoted []T type', () => {
    expect(one('      tags?: []str')).toEqual([
      'a.yaml:6:16 YAML syntax error: Unexpected scalar at node end (quote array types: "[]str")',
    ]);
    expect(one('      tags?: "[]str"')).toEqual([]);
  });

  it('reports an unknown type at the type, with a suggestion', () => {
    expect(one('      email: strng')).toEqual([
      "a.yaml:6:14 unknown type 'strng' (did you mean 'str'?); types are str, bool, i32, u32, i64, u64, f64, otime, json, []T, an enum, a value type or a rootobject",
    ]);
    expect(one('      name: { type: string }')).toEqual([
      expect.stringMatching(/^a\.yaml:6:21 unknown type 'string' \(did you mean 'str'\?\)/),
    ]);
  });

  it('reports a dangling reference', () => {
    expect(one('      owner: Usr')).toEqual([
      "a.yaml:6:14 dangling reference 'Usr': no rootobject, enum or value type of that name in any schema of namespace test",
    ]);
    expect(
      compile({ 'user.yaml': user, 'kyc.yaml': kyc.replace('user_id: User', 'user_id: Users') }).problems,
    ).toEqual([
      "kyc.yaml:6:16 dangling reference 'Users': no rootobject, enum or value type of that name in any schema of namespace test (did you mean 'User'?)",
    ]);
  });

  it('reports a duplicate field, including name next to name?', () => {
    expect(one('      name: str', '      name?: str')).toEqual([
      "a.yaml:7:7 duplicate field 'name?' in Thing: 'name' is already declared",
    ]);
    expect(one('      name: str', '      name: i32')).toEqual([
      "a.yaml:7:7 duplicate field 'name' in Thing: 'name' is already declared",
    ]);
  });

  it('reports bad defaults: wrong type, not an enum value, out of range', () => {
    expect(one('      color: { type: Color, default: blue }')).toEqual([
      'a.yaml:6:38 Thing.color: bad default "blue": not a value of Color (red, green)',
    ]);
    expect(one('      count: { type: u32, default: -1 }')).toEqual([
      'a.yaml:6:36 Thing.count: bad default -1: out of range for u32',
    ]);
    expect(one("      flag: { type: bool, default: 'yes' }")).toEqual([
      'a.yaml:6:36 Thing.flag: bad default "yes": expected true or false',
    ]);
    expect(one('      name: { type: str, max: 2, default: abc }')).toEqual([
      'a.yaml:6:43 Thing.name: bad default: longer than max 2',
    ]);
    expect(one('      big: { type: i64, default: 9223372036854775808 }')).toEqual([
      'a.yaml:6:34 Thing.big: bad default 9223372036854775808: out of range for i64',
    ]);
  });

  it('reports a hand-declared autogen field and says how to fix it', () => {
    expect(one('      updated_at: otime')).toEqual([
      'a.yaml:6:7 Thing.updated_at is generated for every rootobject (id, created_at, updated_at and sid are reserved): remove it, or rename it if it means something else (e.g. last_run_at)',
    ]);
    expect(one('      id?: str')[0]).toMatch(/^a\.yaml:6:7 Thing\.id is generated for every rootobject/);
    expect(one('      sid: str')[0]).toMatch(/^a\.yaml:6:7 Thing\.sid is generated/);
  });

  it('reports lifecycle mistakes: non-enum field, unknown states, self moves', () => {
    expect(one('      name:', '        type: str', '        lifecycle:', '          a: [b]')).toEqual([
      'a.yaml:8:9 Thing.name: a lifecycle needs a field typed by an enum',
    ]);
    expect(
      one(
        '      color:',
        '        type: Color',
        '        lifecycle:',
        '          red: [blue]',
        '          pink: [red]',
      ),
    ).toEqual([
      "a.yaml:9:17 Thing.color: lifecycle state 'blue' is not a value of Color (red, green)",
      "a.yaml:10:11 Thing.color: lifecycle state 'pink' is not a value of Color (red, green)",
    ]);
    expect(one('      color:', '        type: Color', '        lifecycle:', '          red: [red]')).toEqual([
      "a.yaml:9:17 Thing.color: lifecycle: 'red' cannot move to itself",
    ]);
  });

  it('reports unknown keys in the long form with a hint', () => {
    expect(one('      name: { type: str, uniqe: true }')).toEqual([
      "a.yaml:6:26 unknown key 'uniqe' in field name (did you mean 'unique'?); allowed: type, unique, index, default, doc, format, min, max, pii, on_delete, lifecycle, renamed_from",
    ]);
    // An unquoted comma inside a flow-mapping doc splits it into a bogus key.
    expect(one('      tags: { type: json, doc: Tags, kept for admins. }')[0]).toMatch(
      /^a\.yaml:6:38 unknown key 'kept for admins\.' in field tags/,
    );
  });

  it('reports duplicate rootobjects and enums across files', () => {
    const again = yaml(
      'enums:',
      '  KycStatus: [a]',
      'rootobjects:',
      '  User:',
      '    fields:',
      '      x: str',
    );
    expect(compile({ 'user.yaml': user, 'kyc.yaml': kyc, 'z.yaml': again }).problems).toEqual([
      'z.yaml:2:3 enum KycStatus is declared twice: first at kyc.yaml:2:3',
      'z.yaml:4:3 rootobject User is declared twice: first at user.yaml:4:3',
    ]);
  });

  it('reports bad identifiers', () => {
    expect(one('      Email: str')).toEqual([
      "a.yaml:6:7 bad field name 'Email': use snake_case (a-z, 0-9, _), optionally ending in ?",
    ]);
    expect(
      compile({ 'b.yaml': yaml('rootobjects:', '  user_profile:', '    fields:', '      x: str') }).problems,
    ).toEqual([
      "b.yaml:2:3 bad rootobject name 'user_profile': use PascalCase letters and digits, e.g. KycSession",
    ]);
  });

  it('checks option/type combinations', () => {
    expect(one('      n: { type: i32, format: email }')).toEqual([
      'a.yaml:6:31 Thing.n: format applies to str fields only',
    ]);
    expect(one('      owner: { type: Thing, on_delete: set_null }')).toEqual([
      'a.yaml:6:40 Thing.owner: on_delete: set_null needs an optional field (owner?)',
    ]);
    expect(one('      n: { type: str, min: 5, max: 2 }')).toEqual([
      'a.yaml:6:28 Thing.n: min 5 is greater than max 2',
    ]);
  });

  it('reports names that would clash in the generated code, and reserved tables', () => {
    expect(
      compile({ 'p.yaml': yaml('rootobjects:', '  Page:', '    fields:', '      x: str') }).problems,
    ).toEqual([
      'p.yaml:2:3 rootobject Page would generate the name Page, which the generated runtime already uses; rename one of them',
    ]);
    const clash = yaml(
      'enums:',
      '  UserUpdate: [a]',
      'rootobjects:',
      '  User:',
      '    fields:',
      '      x: str',
    );
    expect(compile({ 'u.yaml': clash }).problems).toEqual([
      'u.yaml:4:3 rootobject User would generate the name UserUpdate, which enum UserUpdate already uses; rename one of them',
    ]);
    const migrations = yaml(
      'rootobjects:',
      '  Migration:',
      '    table: schema_migrations',
      '    fields:',
      '      x: str',
    );
    expect(compile({ 'm.yaml': migrations }).problems).toEqual([
      'm.yaml:3:12 table name schema_migrations is reserved for the migrator; set `table:` to another name',
    ]);
  });
});
