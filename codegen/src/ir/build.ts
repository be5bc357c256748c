import { tableName } from '../names';
import type { EnumInput, RootObjectInput, SchemaFileInput, ValueTypeInput } from '../parse';
import { type Position, type Problem, problem } from '../problem';
import { buildRootObject, MAX_IDENTIFIER, SQL_NAME } from './build-rootobject';
import { buildValueType } from './build-value-type';
import { checkGeneratedNames, RESERVED_TABLES } from './check-names';
import { checkRenames } from './check-renames';
import { checkValueTypeCycles } from './check-value-types';
import { type EnumNode, type NamespaceNode, SCALAR_TYPES } from './nodes';
import type { Declarations } from './resolve-type';

export { MAX_IDENTIFIER } from './build-rootobject';

export interface BuildResult {
  readonly namespace?: NamespaceNode;
  readonly problems: readonly Problem[];
}

export interface BuildOptions {
  /** Type names other namespaces declare -> their namespace: referring to one is refused by name. */
  readonly elsewhere?: ReadonlyMap<string, string>;
}

const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;
const ENUM_VALUE = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Builds the validated IR of one namespace from all of its parsed files.
 * @example buildNamespace('onboarding', [user, kyc]).namespace?.rootobjects.map((r) => r.table)
 */
export function buildNamespace(
  name: string,
  files: readonly SchemaFileInput[],
  options: BuildOptions = {},
): BuildResult {
  const problems: Problem[] = [];
  const report = (at: Position, message: string) => problems.push(problem(at, message));
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  const declared = new Map<string, Position>();
  const enumInputs: { input: EnumInput; file: string }[] = [];
  const valueInputs: { input: ValueTypeInput; file: string }[] = [];
  const rootInputs: { input: RootObjectInput; file: string }[] = [];
  const declare = (kind: string, n: { value: string; at: Position }) => {
    const first = declared.get(n.value);
    if (first !== undefined) {
      report(n.at, `${kind} ${n.value} is declared twice: first at ${first.file}:${first.line}:${first.col}`);
      return false;
    }
    if (!TYPE_NAME.test(n.value)) {
      report(n.at, `bad ${kind} name '${n.value}': use PascalCase letters and digits, e.g. KycSession`);
      return false;
    }
    if ((SCALAR_TYPES as readonly string[]).includes(n.value))
      report(n.at, `${n.value} is a built-in type name`);
    declared.set(n.value, n.at);
    return true;
  };
  for (const file of sorted) {
    for (const e of file.enums) if (declare('enum', e.name)) enumInputs.push({ input: e, file: file.file });
    for (const v of file.valueTypes)
      if (declare('value type', v.name)) valueInputs.push({ input: v, file: file.file });
    for (const r of file.rootobjects)
      if (declare('rootobject', r.name)) rootInputs.push({ input: r, file: file.file });
  }

  const enums = enumInputs.map(({ input, file }) => buildEnum(input, file, report));
  const tables = tableNames(rootInputs, report);
  const decls: Declarations = {
    namespace: name,
    enums: new Map(enums.map((e) => [e.name, { values: e.values }])),
    tables,
    valueTypes: new Set(valueInputs.map((v) => v.input.name.value)),
    elsewhere: options.elsewhere ?? new Map(),
  };
  const valueTypes = valueInputs.map(({ input, file }) => buildValueType(input, file, decls, report));
  const rootobjects = rootInputs.map(({ input, file }) =>
    buildRootObject(input, file, tables.get(input.name.value) ?? tableName(input.name.value), decls, report),
  );
  checkValueTypeCycles(valueTypes, report);
  checkRenames(rootobjects, new Set(declared.keys()), report);
  checkGeneratedNames(enums, valueTypes, rootobjects, report);
  const namespace: NamespaceNode = {
    kind: 'namespace',
    name,
    files: sorted.map((f) => f.file),
    enums,
    valueTypes,
    rootobjects,
  };
  return problems.length > 0 ? { problems } : { namespace, problems };
}

function tableNames(
  rootInputs: readonly { input: RootObjectInput }[],
  report: (at: Position, m: string) => void,
): Map<string, string> {
  const tables = new Map<string, string>();
  const tableOwners = new Map<string, string>();
  for (const { input } of rootInputs) {
    const table = input.table?.value ?? tableName(input.name.value);
    const at = input.table?.at ?? input.name.at;
    if (!SQL_NAME.test(table) || table.length > MAX_IDENTIFIER) {
      report(at, `bad table name '${table}': use snake_case, at most ${MAX_IDENTIFIER} characters`);
    }
    if ((RESERVED_TABLES as readonly string[]).includes(table)) {
      report(at, `table name ${table} is reserved for the migrator; set \`table:\` to another name`);
    }
    const owner = tableOwners.get(table);
    if (owner !== undefined)
      report(at, `table ${table} is already used by rootobject ${owner}; set \`table:\` to another name`);
    tableOwners.set(table, input.name.value);
    tables.set(input.name.value, table);
  }
  return tables;
}

function buildEnum(input: EnumInput, file: string, report: (at: Position, m: string) => void): EnumNode {
  const seen = new Set<string>();
  if (input.values.length === 0) report(input.name.at, `enum ${input.name.value} has no values`);
  for (const v of input.values) {
    if (!ENUM_VALUE.test(v.value)) report(v.at, `bad enum value '${v.value}': use letters, digits and _`);
    else if (seen.has(v.value)) report(v.at, `enum ${input.name.value}: value '${v.value}' is listed twice`);
    seen.add(v.value);
  }
  return {
    kind: 'enum',
    name: input.name.value,
    values: [...seen],
    file,
    at: input.name.at,
    ...(input.doc === undefined ? {} : { doc: input.doc }),
  };
}
