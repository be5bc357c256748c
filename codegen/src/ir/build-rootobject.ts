import type { FieldInput, RootObjectInput } from '../parse';
import type { Position } from '../problem';
import { checkDefault } from './check-default';
import { checkField } from './check-field';
import { AUTOGEN_FIELDS, type FieldNode, type RootObjectNode } from './nodes';
import type { Declarations } from './resolve-type';
import { resolveType } from './resolve-type';

export const SQL_NAME = /^[a-z][a-z0-9_]*$/;
/** Postgres truncates longer identifiers, which would break constraint-name -> field mapping. */
export const MAX_IDENTIFIER = 63;

export type Report = (at: Position, m: string) => void;

export function buildRootObject(
  input: RootObjectInput,
  file: string,
  table: string,
  decls: Declarations,
  report: Report,
): RootObjectNode {
  const owner = input.name.value;
  if (input.fields.length === 0) report(input.name.at, `rootobject ${owner} has no fields`);
  const fields = buildFields(input.fields, owner, decls, report, (_field, name) => {
    if ((AUTOGEN_FIELDS as readonly string[]).includes(name)) return autogenMessage(owner, name);
    if (`${table}_${name}_check`.length > MAX_IDENTIFIER)
      return `field name '${name}' is too long: ${table}_${name}_check exceeds ${MAX_IDENTIFIER} characters`;
    return undefined;
  });
  return {
    kind: 'rootobject',
    name: owner,
    table,
    file,
    fields,
    at: input.name.at,
    ...(input.doc === undefined ? {} : { doc: input.doc }),
    ...(input.renamedFrom === undefined
      ? {}
      : { renamedFrom: { name: input.renamedFrom.value, at: input.renamedFrom.at } }),
  };
}

/** Checks names (duplicates, `name?`, snake_case) and builds each field; `refuse` adds the owner's own rules. */
export function buildFields(
  inputs: readonly FieldInput[],
  owner: string,
  decls: Declarations,
  report: Report,
  refuse: (field: FieldInput, name: string) => string | undefined,
): FieldNode[] {
  const seen = new Map<string, string>();
  const fields: FieldNode[] = [];
  for (const field of inputs) {
    const written = field.key.value;
    const optional = written.endsWith('?');
    const name = optional ? written.slice(0, -1) : written;
    const previous = seen.get(name);
    if (previous !== undefined) {
      report(field.key.at, `duplicate field '${written}' in ${owner}: '${previous}' is already declared`);
      continue;
    }
    seen.set(name, written);
    if (!SQL_NAME.test(name)) {
      report(
        field.key.at,
        `bad field name '${written}': use snake_case (a-z, 0-9, _), optionally ending in ?`,
      );
      continue;
    }
    const refusal = refuse(field, name);
    if (refusal !== undefined) {
      if (refusal !== '') report(field.key.at, refusal);
      continue;
    }
    const node = buildField(field, name, optional, owner, decls, report);
    if (node !== undefined) fields.push(node);
  }
  return fields;
}

function buildField(
  input: FieldInput,
  name: string,
  optional: boolean,
  owner: string,
  decls: Declarations,
  report: Report,
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
