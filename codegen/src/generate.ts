import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { emitSchemaDoc } from './emit/docs/schema-doc';
import { emitIndex } from './emit/index-file';
import { emitLifecycles } from './emit/lifecycles';
import { emitMetadata } from './emit/metadata';
import { type ExistingMigrations, planMigrations } from './emit/migrations';
import { emitPackageJson } from './emit/package-json';
import { emitRepositories } from './emit/repositories';
import { emitRuntime } from './emit/runtime';
import { emitTypes } from './emit/types';
import { emitValidate } from './emit/validate';
import { emitValidators } from './emit/validators';
import { buildNamespace, type NamespaceNode } from './ir';
import { checkAcrossNamespaces, declaredTypes } from './namespaces';
import { parseSources, type SchemaFileInput, type SchemaSource } from './parse';
import { type Problem, problem, sortProblems } from './problem';
import { readNamespaceFolders } from './read-schemas';

export type { SchemaSource } from './parse';

export interface NamespaceInput {
  readonly name: string;
  readonly sources: readonly SchemaSource[];
  readonly existing: ExistingMigrations;
  /** Where problems with snapshot.json are reported. */
  readonly snapshotFile: string;
  /** Type names declared by other namespaces -> that namespace (references to them are refused by name). */
  readonly elsewhere?: ReadonlyMap<string, string>;
}

export interface NamespaceResult {
  readonly name: string;
  /** Path relative to the namespace's output folder -> content. */
  readonly files: Map<string, string>;
  readonly problems: readonly Problem[];
  readonly createdMigration?: string;
  /** The checked IR, when there were no problems. */
  readonly node?: NamespaceNode;
}

/**
 * The whole pipeline for one namespace, in memory: parse every file, build the IR, emit every output.
 * @example generateNamespace({ name: 'onboarding', sources, existing: { files: new Map() }, snapshotFile }, {})
 */
export function generateNamespace(
  input: NamespaceInput,
  options: { allowDestructive?: boolean },
): NamespaceResult {
  const parsed = parseSources(input.sources);
  if (parsed.problems.length > 0) return failed(input.name, parsed.problems);
  return emitNamespace(input, parsed.inputs, options.allowDestructive ?? false);
}

function emitNamespace(
  input: NamespaceInput,
  parsed: SchemaFileInput[],
  allowDestructive: boolean,
): NamespaceResult {
  const built = buildNamespace(input.name, parsed, { elsewhere: input.elsewhere ?? new Map() });
  const ns = built.namespace;
  if (ns === undefined) return failed(input.name, built.problems);
  const migrations = planMigrations(ns, input.existing, {
    allowDestructive,
    snapshotFile: input.snapshotFile,
  });
  if (migrations.problems.length > 0)
    return failed(
      input.name,
      migrations.problems.map((p) => problem(p.at, p.message)),
    );
  const validators = emitValidators(ns);
  const files = new Map<string, string>([
    ['index.ts', emitIndex(ns)],
    ['runtime.ts', emitRuntime(ns)],
    ['types.ts', emitTypes(ns)],
    ['metadata.ts', emitMetadata(ns)],
    ['lifecycles.ts', emitLifecycles(ns)],
    ['validators.js', validators.js],
    ['validators.d.ts', validators.dts],
    ['validate.ts', emitValidate(ns)],
    ...emitRepositories(ns),
    ...migrations.files,
  ]);
  return {
    name: input.name,
    files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    problems: [],
    node: ns,
    ...(migrations.created === undefined ? {} : { createdMigration: migrations.created }),
  };
}

function failed(name: string, problems: readonly Problem[]): NamespaceResult {
  return { name, files: new Map(), problems: sortProblems(problems) };
}

export interface GenerateOptions {
  readonly schemasDir: string;
  readonly outDir: string;
  readonly allowDestructive?: boolean;
  /** Where the Mermaid picture goes; default `docs/schema.md` beside `outDir`. */
  readonly docsFile?: string;
}

export interface GenerateResult {
  readonly namespaces: readonly NamespaceResult[];
  /** Problems with absolute file paths. */
  readonly problems: readonly Problem[];
  /**
   * Files beside the namespace folders (absolute path -> content), when there were no problems:
   * `<outDir>/package.json` (an export per namespace) and docs/schema.md.
   */
  readonly shared: ReadonlyMap<string, string>;
}

/** Reads every `<schemasDir>/<namespace>/` (YAML, .oschema, overlays) and the migrations under `<outDir>/<namespace>/`. */
export function generate(options: GenerateOptions): GenerateResult {
  if (!existsSync(options.schemasDir) || !statSync(options.schemasDir).isDirectory()) {
    return {
      namespaces: [],
      problems: [problem({ file: options.schemasDir, line: 1, col: 1 }, 'schemas folder not found')],
      shared: new Map(),
    };
  }
  const folders = readNamespaceFolders(options.schemasDir, options.outDir);
  const parsed = folders.map((folder) => ({ folder, ...parseSources(folder.sources) }));
  const declared = declaredTypes(parsed.map((p) => ({ name: p.folder.name, inputs: p.inputs })));
  const namespaces = parsed.map(({ folder, inputs, problems }) => {
    if (problems.length > 0) return failed(folder.name, problems);
    const elsewhere = new Map([...declared].filter(([, owner]) => owner !== folder.name));
    return emitNamespace({ ...folder, elsewhere }, inputs, options.allowDestructive ?? false);
  });
  const problems: Problem[] = [
    ...namespaces.flatMap((n) => n.problems),
    ...checkAcrossNamespaces(
      folders,
      namespaces.flatMap((n) => (n.node === undefined ? [] : [n.node])),
    ),
  ];
  const absolute = new Map(folders.flatMap((f) => [...f.absolute]));
  const located = problems.map((p) => ({ ...p, file: absolute.get(p.file) ?? p.file }));
  if (located.length > 0) return { namespaces, problems: located, shared: new Map() };
  const docsFile = options.docsFile ?? resolve(dirname(resolve(options.outDir)), 'docs', 'schema.md');
  const nodes = namespaces.flatMap((n) => (n.node === undefined ? [] : [n.node]));
  const shared = new Map([
    [resolve(options.outDir, 'package.json'), emitPackageJson(nodes.map((n) => n.name))],
    [docsFile, emitSchemaDoc(nodes)],
  ]);
  return { namespaces, problems: [], shared };
}
