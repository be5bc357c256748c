import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { emitIndex } from './emit/index-file';
import { emitLifecycles } from './emit/lifecycles';
import { emitMetadata } from './emit/metadata';
import { type ExistingMigrations, planMigrations } from './emit/migrations';
import { emitRepositories } from './emit/repositories';
import { emitRuntime } from './emit/runtime';
import { emitTypes } from './emit/types';
import { emitValidate } from './emit/validate';
import { emitValidators } from './emit/validators';
import { buildNamespace } from './ir';
import { parseSchemaFile, type SchemaFileInput } from './parse';
import { type Problem, problem, sortProblems } from './problem';

export interface SchemaSource {
  /** As shown in headers and problems, e.g. `schemas/onboarding/kyc.yaml`. */
  readonly file: string;
  readonly text: string;
}

export interface NamespaceInput {
  readonly name: string;
  readonly sources: readonly SchemaSource[];
  readonly existing: ExistingMigrations;
  /** Where problems with snapshot.json are reported. */
  readonly snapshotFile: string;
}

export interface NamespaceResult {
  readonly name: string;
  /** Path relative to the namespace's output folder -> content. */
  readonly files: Map<string, string>;
  readonly problems: readonly Problem[];
  readonly createdMigration?: string;
}

/**
 * The whole pipeline for one namespace, in memory: parse every file, build the IR, emit every output.
 * @example generateNamespace({ name: 'onboarding', sources, existing: { files: new Map() }, snapshotFile }, {})
 */
export function generateNamespace(
  input: NamespaceInput,
  options: { allowDestructive?: boolean },
): NamespaceResult {
  const problems: Problem[] = [];
  const parsed: SchemaFileInput[] = [];
  for (const source of input.sources) {
    const result = parseSchemaFile(source.file, source.text);
    problems.push(...result.problems);
    if (result.input !== undefined) parsed.push(result.input);
  }
  if (problems.length > 0) return { name: input.name, files: new Map(), problems: sortProblems(problems) };
  const built = buildNamespace(input.name, parsed);
  const ns = built.namespace;
  if (ns === undefined) return { name: input.name, files: new Map(), problems: sortProblems(built.problems) };
  const migrations = planMigrations(ns, input.existing, {
    allowDestructive: options.allowDestructive ?? false,
    snapshotFile: input.snapshotFile,
  });
  if (migrations.problems.length > 0) {
    return {
      name: input.name,
      files: new Map(),
      problems: sortProblems(migrations.problems.map((p) => problem(p.at, p.message))),
    };
  }
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
    ...(migrations.created === undefined ? {} : { createdMigration: migrations.created }),
  };
}

export interface GenerateOptions {
  readonly schemasDir: string;
  readonly outDir: string;
  readonly allowDestructive?: boolean;
}

export interface GenerateResult {
  readonly namespaces: readonly NamespaceResult[];
  /** Problems with absolute file paths. */
  readonly problems: readonly Problem[];
}

/** Reads every `<schemasDir>/<namespace>/*.yaml` and the existing migrations under `<outDir>/<namespace>/`. */
export function generate(options: GenerateOptions): GenerateResult {
  if (!existsSync(options.schemasDir) || !statSync(options.schemasDir).isDirectory()) {
    return {
      namespaces: [],
      problems: [problem({ file: options.schemasDir, line: 1, col: 1 }, 'schemas folder not found')],
    };
  }
  const label = basename(options.schemasDir);
  const namespaces: NamespaceResult[] = [];
  const problems: Problem[] = [];
  for (const name of readdirSync(options.schemasDir).sort()) {
    const dir = join(options.schemasDir, name);
    if (!statSync(dir).isDirectory()) continue;
    const absolute = new Map<string, string>();
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .sort()
      .map((f) => {
        const file = `${label}/${name}/${f}`;
        absolute.set(file, join(dir, f));
        return { file, text: readFileSync(join(dir, f), 'utf8') };
      });
    if (sources.length === 0) continue;
    const snapshotFile = join(options.outDir, name, 'migrations', 'snapshot.json');
    absolute.set(snapshotFile, snapshotFile);
    const result = generateNamespace(
      { name, sources, existing: readExisting(join(options.outDir, name, 'migrations')), snapshotFile },
      { allowDestructive: options.allowDestructive ?? false },
    );
    namespaces.push(result);
    problems.push(...result.problems.map((p) => ({ ...p, file: absolute.get(p.file) ?? p.file })));
  }
  return { namespaces, problems };
}

function readExisting(dir: string): ExistingMigrations {
  if (!existsSync(dir)) return { files: new Map() };
  const files = new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const),
  );
  const snapshot = join(dir, 'snapshot.json');
  return existsSync(snapshot) ? { files, snapshot: readFileSync(snapshot, 'utf8') } : { files };
}
