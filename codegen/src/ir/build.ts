import { tableName } from '../names';
import type { EnumInput, FieldInput, RootObjectInput, SchemaFileInput } from '../parse';
import { type Position, type Problem, problem } from '../problem';
import { checkDefault } from './check-default';
import { checkField } from './check-field';
import { checkGeneratedNames, RESERVED_TABLES } from './check-names';
import {
  AUTOGEN_FIELDS,
  type EnumNode,
  type FieldNode,
  type NamespaceNode,
  type RootObjectNode,
  SCALAR_TYPES,
} from './nodes';
import type { Declarations } from './resolve-type';
import { resolveType } from './resolve-type';

export interface BuildResult {
  readonly namespace?: NamespaceNode;
  readonly problems: readonly Problem[];
}

const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;
const SQL_NAME = /^[a-z][a-z0-9_]*$/;
const ENUM_VALUE = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Postgres truncates longer identifiers, which would break constraint-name -> field mapping. */
export const MAX_IDENTIFIER = 63;

/**
 * Builds the validated IR of one namespace from all of its parsed files.
 * @example buildNamespace('onboarding', [user, kyc]).namespace?.rootobjects.map((r) => r.table)
 */
export function buildNamespace(name: string, files: readonly SchemaFileInput[]): BuildResult {
  const problems: Problem[] = [];
  const report = (at: Position, message: string) => problems.push(problem(at, message));
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  const declared = new Map<string, Position>();
  const enumInputs: { input: EnumInput; file: string }[] = [];
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
    for (const r of file.rootobjects)
      if (declare('rootobject', r.name)) rootInputs.push({ input: r, file: file.file });
  }

  const enums = enumInputs.map(({ input, file }) => buildEnum(input, file, report));
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
  const decls: Declarations = {
    namespace: name,
    enums: new Map(enums.map((e) => [e.name, { values: e.values }])),
    tables,
  };
  const rootobjects = rootInputs.map(({ input, file }) => buildRootObject(input, file, decls, report));
  checkGeneratedNames(enums, rootobjects, report);
  const namespace: NamespaceNode = {
    kind: 'namespace',
    name,
    files: sorted.map((f) => f.file),
    enums,
    rootobjects,
  };
  return problems.length > 0 ? { problems } : { namespace, problems };
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

function buildRootObject(
  input: RootObjectInput,
  file: string,
  decls: Declarations,
  report: (at: Position, m: string) => void,
): RootObjectNode {
  const owner = input.name.value;
  const table = decls.tables.get(owner) ?? tableName(owner);
  const seen = new Map<string, string>();
  const fields: FieldNode[] = [];
  if (input.fields.length === 0) report(input.name.at, `rootobject ${owner} has no fields`);
  for (const field of input.fields) {
    const written = field.key.value;
    const optional = written.endsWith('?');
    const name = optional ? written.slice(0, -1) : written;
    const previous = seen.get(name);
    if (previous !== undefined) {
      report(field.key.at, `duplicate field '${written}' in ${owner}: '${previous}' is already declared`);
      continue;
    }
    seen.set(name, written);
    if ((AUTOGEN_FIELDS as readonly string[]).includes(name)) {
      report(field.key.at, autogenMessage(owner, name));
      continue;
    }
    if (!SQL_NAME.test(name)) {
      report(
        field.key.at,
        `bad field name '${written}': use snake_case (a-z, 0-9, _), optionally ending in ?`,
      );
      continue;
    }
    if (`${table}_${name}_check`.length > MAX_IDENTIFIER) {
      report(
        field.key.at,
        `field name '${name}' is too long: ${table}_${name}_check exceeds ${MAX_IDENTIFIER} characters`,
      );
      continue;
    }
    const node = buildField(field, name, optional, owner, decls, report);
    if (node !== undefined) fields.push(node);
  }
  return {
    kind: 'rootobject',
    name: owner,
    table,
    file,
    fields,
    at: input.name.at,
    ...(input.doc === undefined ? {} : { doc: input.doc }),
  };
}

function buildField(
  input: FieldInput,
  name: string,
  optional: boolean,
  owner: string,
  decls: Declarations,
  report: (at: Position, m: string) => void,
): FieldNode | undefined {
  const type = resolveType(input.type, decls);
  if (typeof type === 'string') {
    report(input.type.at, type);
    return undefined;
  }
  const before = checkField(input, type, owner, name, optional, decls, report);
  if (before === undefined) return undefined;
  let defaultValue: FieldNode['default'];
  if (input.default !== undefined) {
    const bounds = {
      ...(input.min ? { min: input.min.value } : {}),
      ...(input.max ? { max: input.max.value } : {}),
    };
    const checked = checkDefault(input.default, type, (e) => decls.enums.get(e)?.values ?? [], bounds);
    if (typeof checked === 'string') {
      report(input.default.at, `${owner}.${name}: ${checked}`);
      return undefined;
    }
    defaultValue = checked;
  }
  return { ...before, ...(defaultValue === undefined ? {} : { default: defaultValue }) };
}

function autogenMessage(owner: string, name: string): string {
  const fix = name === 'id' ? 'external_id' : name === 'sid' ? 'short_id' : 'last_run_at';
  return `${owner}.${name} is generated for every rootobject (id, created_at, updated_at and sid are reserved): remove it, or rename it if it means something else (e.g. ${fix})`;
}
