import type { FieldInput } from '../parse';
import type { Position } from '../problem';
import type { FieldNode, FieldType, LifecycleNode, OnDelete } from './nodes';
import type { Declarations } from './resolve-type';

const FORMATS = ['email', 'uuid', 'uri'] as const;
const ON_DELETE: readonly OnDelete[] = ['restrict', 'cascade', 'set_null'];
const NUMERIC = ['i32', 'u32', 'i64', 'u64', 'f64'];

/** Checks a field's options against its type; returns the field without its default, or undefined. */
export function checkField(
  input: FieldInput,
  type: FieldType,
  owner: string,
  name: string,
  optional: boolean,
  decls: Declarations,
  report: (at: Position, m: string) => void,
): Omit<FieldNode, 'default'> | undefined {
  const where = `${owner}.${name}`;
  let ok = true;
  const fail = (at: Position, m: string) => {
    report(at, `${where}: ${m}`);
    ok = false;
  };
  const scalar = type.kind === 'scalar' ? type.name : undefined;
  if (input.format !== undefined) {
    if (scalar !== 'str') fail(input.format.at, `format applies to str fields only`);
    else if (!(FORMATS as readonly string[]).includes(input.format.value)) {
      fail(input.format.at, `unknown format '${input.format.value}'; known: ${FORMATS.join(', ')}`);
    }
  }
  for (const bound of [input.min, input.max]) {
    if (bound === undefined) continue;
    if (scalar === undefined || !(scalar === 'str' || NUMERIC.includes(scalar))) {
      fail(bound.at, `min/max apply to str (length) and number fields only`);
    } else if (scalar !== 'f64' && !Number.isSafeInteger(bound.value)) {
      fail(bound.at, `min/max must be an integer for ${scalar}`);
    } else if (scalar === 'str' && bound.value < 0) fail(bound.at, `a length bound cannot be negative`);
  }
  if (input.min !== undefined && input.max !== undefined && input.min.value > input.max.value) {
    fail(input.min.at, `min ${input.min.value} is greater than max ${input.max.value}`);
  }
  let onDelete: OnDelete | undefined;
  if (input.onDelete !== undefined) {
    const value = input.onDelete.value as OnDelete;
    if (type.kind !== 'ref') fail(input.onDelete.at, `on_delete applies to rootobject references only`);
    else if (!ON_DELETE.includes(value))
      fail(input.onDelete.at, `on_delete must be one of ${ON_DELETE.join(', ')}`);
    else if (value === 'set_null' && !optional)
      fail(input.onDelete.at, `on_delete: set_null needs an optional field (${name}?)`);
    else onDelete = value;
  }
  let lifecycle: LifecycleNode | undefined;
  if (input.lifecycle !== undefined) {
    if (type.kind !== 'enum') fail(input.lifecycle.at, `a lifecycle needs a field typed by an enum`);
    else lifecycle = checkLifecycle(input, type.name, decls.enums.get(type.name)?.values ?? [], fail);
  }
  if (!ok) return undefined;
  return {
    kind: 'field',
    name,
    type,
    optional,
    unique: input.unique?.value ?? false,
    index: input.index?.value ?? false,
    pii: input.pii?.value ?? false,
    at: input.key.at,
    ...(input.doc === undefined ? {} : { doc: input.doc }),
    ...(input.format === undefined ? {} : { format: input.format.value }),
    ...(input.min === undefined ? {} : { min: input.min.value }),
    ...(input.max === undefined ? {} : { max: input.max.value }),
    ...(type.kind === 'ref' ? { onDelete: onDelete ?? 'restrict' } : {}),
    ...(lifecycle === undefined ? {} : { lifecycle }),
    ...(input.renamedFrom === undefined
      ? {}
      : { renamedFrom: { name: input.renamedFrom.value, at: input.renamedFrom.at } }),
  };
}

function checkLifecycle(
  input: FieldInput,
  enumName: string,
  values: readonly string[],
  fail: (at: Position, m: string) => void,
): LifecycleNode {
  const next = new Map<string, string[]>(values.map((v) => [v, []]));
  for (const edge of input.lifecycle?.edges ?? []) {
    const targets = next.get(edge.from.value);
    if (targets === undefined) {
      fail(
        edge.from.at,
        `lifecycle state '${edge.from.value}' is not a value of ${enumName} (${values.join(', ')})`,
      );
      continue;
    }
    for (const to of edge.to) {
      if (!values.includes(to.value)) {
        fail(to.at, `lifecycle state '${to.value}' is not a value of ${enumName} (${values.join(', ')})`);
      } else if (to.value === edge.from.value) {
        fail(to.at, `lifecycle: '${to.value}' cannot move to itself`);
      } else if (targets.includes(to.value)) {
        fail(to.at, `lifecycle: '${edge.from.value}' -> '${to.value}' is listed twice`);
      } else targets.push(to.value);
    }
  }
  return { kind: 'lifecycle', transitions: values.map((from) => ({ from, to: next.get(from) ?? [] })) };
}
