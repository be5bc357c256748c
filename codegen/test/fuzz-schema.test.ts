import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { generateNamespace, type NamespaceInput } from '../src/index';
import { FIELD_KEYS } from '../src/parse/yaml-fields';

/**
 * Property-based: whatever text a schema file holds, the generator answers with output or with located
 * problems (`file:line:col message`), never a crash, never both.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const schemaDir = join(root, 'schemas/onboarding');
const migrationsDir = join(root, 'generated/onboarding/migrations');
const SEEDS = readdirSync(schemaDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: `schemas/onboarding/${f}`, text: readFileSync(join(schemaDir, f), 'utf8') }));
// The .oschema syntax (oschema's own), from the codegen's fixtures: the same properties hold for it.
const oschemaDir = join(root, 'codegen/test/fixtures/oschema/design');
const OSCHEMA_SEEDS = readdirSync(oschemaDir)
  .filter((f) => f.endsWith('.oschema'))
  .sort()
  .map((f) => ({ file: `schemas/design/${f}`, text: readFileSync(join(oschemaDir, f), 'utf8') }));
const COMMITTED = {
  files: new Map(
    readdirSync(migrationsDir)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => [f, readFileSync(join(migrationsDir, f), 'utf8')]),
  ),
  snapshot: readFileSync(join(migrationsDir, 'snapshot.json'), 'utf8'),
};

type Source = { file: string; text: string };

function run(sources: Source[], existing: NamespaceInput['existing']) {
  return generateNamespace({ name: 'fuzz', sources, existing, snapshotFile: 'migrations/snapshot.json' }, {});
}

/** Output or located problems, each pointing into a file we gave (or the snapshot), with a plain message. */
function expectWellFormed(sources: Source[], existing: NamespaceInput['existing']) {
  const result = run(sources, existing);
  if (result.problems.length === 0) {
    expect(result.files.size).toBeGreaterThan(0);
    return 'output' as const;
  }
  expect(result.files.size).toBe(0);
  const lines = new Map(sources.map((s) => [s.file, s.text.split('\n').length]));
  for (const problem of result.problems) {
    const fileLines = lines.get(problem.file);
    if (fileLines === undefined) expect(problem.file).toBe('migrations/snapshot.json');
    else expect(problem.line).toBeLessThanOrEqual(fileLines + 1);
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.col).toBeGreaterThanOrEqual(1);
    expect(problem.message.trim()).not.toBe('');
    expect(problem.message).not.toMatch(/undefined|\[object Object\]|\n\s+at /);
  }
  return 'problems' as const;
}

const TOKENS = [
  ...new Set(
    [...SEEDS, ...OSCHEMA_SEEDS].flatMap((s) => s.text.split(/[\s:{},[\]]+/)).filter((t) => t !== ''),
  ),
  'User',
  'str?',
  '"[]str"',
  '[]',
  '{',
  '}',
  '- ',
  ': ',
  '&a',
  '*a',
  '!!binary',
  '<<: *a',
  '%YAML 1.2',
  '---',
  '\t',
  '#',
  'null',
  '~',
  '0x10',
  '1e999',
  '"\\u0000"',
  'id',
  'created_at',
  'lifecycle',
  'on_delete',
];

/** One edit of a text: the kinds of mistake a person (or a bad merge) makes. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('token' as const), at: fc.nat(), text: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('dupLine' as const), a: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), a: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, edit: Mutation): string {
  const lines = text.split('\n');
  const line = (n: number) => n % lines.length;
  switch (edit.kind) {
    case 'delete': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + edit.length);
    }
    case 'insert':
    case 'token': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.text + text.slice(at);
    }
    case 'swapLines': {
      const [a, b] = [line(edit.a), line(edit.b)];
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'dupLine':
      lines.splice(line(edit.a), 0, lines[line(edit.a)] ?? '');
      return lines.join('\n');
    case 'indent': {
      const i = line(edit.a);
      const current = lines[i] ?? '';
      lines[i] =
        edit.by >= 0 ? ' '.repeat(edit.by) + current : current.replace(new RegExp(`^ {0,${-edit.by}}`), '');
      return lines.join('\n');
    }
  }
}

const mutatedSources = (seeds: Source[]) =>
  fc
    .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([index, edits]) =>
      seeds.map((seed, i) => (i === index ? { ...seed, text: edits.reduce(mutate, seed.text) } : seed)),
    );

/** Structured but arbitrary documents: right shape, wrong contents (and the other way round). */
const fieldSpec = fc.oneof(
  fc.constantFrom(
    'str',
    'bool',
    'u32',
    'i64',
    'f64',
    'otime',
    'json',
    '[]str',
    'User',
    'KycStatus',
    'Nope',
    '',
  ),
  fc.dictionary(
    // Every key the parser knows (so a key added later is fuzzed too), and one it does not.
    fc.constantFrom(...FIELD_KEYS, 'bogus'),
    fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null)),
    { maxKeys: 4 },
  ),
);
const documentText = fc
  .record(
    {
      doc: fc.string({ maxLength: 20 }),
      enums: fc.dictionary(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }),
        {
          maxKeys: 2,
        },
      ),
      rootobjects: fc.dictionary(
        fc.string({ minLength: 1, maxLength: 10 }),
        fc.record(
          { fields: fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fieldSpec, { maxKeys: 4 }) },
          { requiredKeys: [] },
        ),
        { maxKeys: 3 },
      ),
    },
    { requiredKeys: [] },
  )
  .map((doc) => stringify(doc));

describe('the schema parser under random and mutated input', () => {
  it('the committed schemas produce output (the properties below start from them)', () => {
    expect(expectWellFormed(SEEDS, COMMITTED)).toBe('output');
  });

  it('mutated real schema files: located problems or valid output, against empty and committed migrations', () => {
    fc.assert(
      fc.property(mutatedSources(SEEDS), fc.boolean(), (sources, withHistory) => {
        expectWellFormed(sources, withHistory ? COMMITTED : { files: new Map() });
      }),
      { numRuns: 150 },
    );
  });

  it('arbitrary text, including control characters and broken UTF-16, as a schema file', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expectWellFormed([{ file: 'schemas/onboarding/fuzz.yaml', text }], { files: new Map() });
      }),
      { numRuns: 300 },
    );
  });

  it('well-formed YAML of the right shape with arbitrary contents', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        expectWellFormed([...SEEDS, { file: 'schemas/onboarding/fuzz.yaml', text }], { files: new Map() });
      }),
      { numRuns: 150 },
    );
  });

  it('the .oschema syntax: mutated fixtures and arbitrary text, the same guarantees', () => {
    expect(expectWellFormed(OSCHEMA_SEEDS, { files: new Map() })).toBe('output');
    fc.assert(
      fc.property(mutatedSources(OSCHEMA_SEEDS), (sources) => {
        expectWellFormed(sources, { files: new Map() });
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expectWellFormed([{ file: 'schemas/onboarding/fuzz.oschema', text }], { files: new Map() });
      }),
      { numRuns: 200 },
    );
  });
});
