import { isMap, isScalar, isSeq } from 'yaml';
import type { Position } from '../problem';
import type { DefaultInput, FieldInput, LifecycleInput, Located } from './model';
import { closest } from './suggest';
import type { NodeReader } from './yaml-nodes';

export const FIELD_KEYS = [
  'type',
  'unique',
  'index',
  'default',
  'doc',
  'format',
  'min',
  'max',
  'pii',
  'on_delete',
  'lifecycle',
  'renamed_from',
] as const;

/** A field's options as written; `type` may be missing (an overlay adds options to a field typed elsewhere). */
export type FieldOptions = Partial<FieldInput>;
type Writable = { -readonly [K in keyof FieldInput]?: FieldInput[K] | undefined };

// Duplicate field names are the IR's to report (it also catches `name` next to `name?`).
export function readFields(r: NodeReader, node: unknown, owner: string, at: Position): FieldInput[] {
  return r.entries(node, `fields of ${owner}`, at).flatMap(({ key, keyAt, value }) => {
    const fieldKey = { value: key, at: keyAt };
    if (isScalar(value)) {
      const type = r.string(value, `field ${key}: type`, keyAt);
      return type === undefined ? [] : [{ key: fieldKey, type: { value: type, at: r.at(value) } }];
    }
    if (!isMap(value)) {
      r.report(
        r.atOf(value, keyAt),
        `field ${key} needs a type: write \`${key}: str\` or \`${key}: { type: str }\``,
      );
      return [];
    }
    const field = readFieldOptions(r, fieldKey, value, FIELD_KEYS);
    if (field.type === undefined) {
      r.report(keyAt, `field ${key} has no type: add \`type: <type>\``);
      return [];
    }
    return [{ ...field, key: fieldKey, type: field.type }];
  });
}

/** Reads the long form `{ type, unique, ... }`, accepting only `allowed` keys. */
export function readFieldOptions(
  r: NodeReader,
  key: Located<string>,
  node: unknown,
  allowed: readonly (typeof FIELD_KEYS)[number][],
): FieldOptions & { key: Located<string> } {
  const name = key.value;
  const field: Writable = {};
  const located = <T>(value: T | undefined, valueNode: unknown, keyAt: Position): Located<T> | undefined =>
    value === undefined ? undefined : { value, at: r.atOf(valueNode, keyAt) };
  for (const { key: k, keyAt, value } of r.uniqueEntries(node, `field ${name}`, key.at)) {
    const what = `field ${name}: ${k}`;
    if (!(allowed as readonly string[]).includes(k)) {
      r.report(keyAt, unknownKey(k, `in field ${name}`, allowed));
      continue;
    }
    switch (k) {
      case 'type':
        field.type = located(r.string(value, what, keyAt), value, keyAt);
        break;
      case 'unique':
      case 'index':
      case 'pii':
        field[k] = located(r.boolean(value, what, keyAt), value, keyAt);
        break;
      case 'doc':
        field.doc = r.string(value, what, keyAt);
        break;
      case 'format':
        field.format = located(r.string(value, what, keyAt), value, keyAt);
        break;
      case 'on_delete':
        field.onDelete = located(r.string(value, what, keyAt), value, keyAt);
        break;
      case 'renamed_from':
        field.renamedFrom = located(r.string(value, what, keyAt), value, keyAt);
        break;
      case 'min':
      case 'max':
        field[k] = located(r.number(value, what, keyAt), value, keyAt);
        break;
      case 'default':
        field.default = readDefault(r, value, keyAt);
        break;
      case 'lifecycle':
        field.lifecycle = readLifecycle(r, value, name, keyAt);
        break;
    }
  }
  const clean = Object.fromEntries(Object.entries(field).filter(([, v]) => v !== undefined));
  return { ...(clean as FieldOptions), key };
}

function readDefault(r: NodeReader, node: unknown, keyAt: Position): DefaultInput {
  const at = r.atOf(node, keyAt);
  if (isScalar(node)) {
    const source = typeof node.source === 'string' ? node.source : undefined;
    return { value: node.value, at, ...(source === undefined ? {} : { source }) };
  }
  const value = isMap(node) || isSeq(node) ? node.toJSON() : null;
  return { value, at };
}

function readLifecycle(r: NodeReader, node: unknown, field: string, keyAt: Position): LifecycleInput {
  const edges = r
    .uniqueEntries(node, `lifecycle of ${field}`, keyAt)
    .map(({ key, keyAt: fromAt, value }) => ({
      from: { value: key, at: fromAt },
      to: readStrings(r, value, `lifecycle of ${field}: ${key}`, fromAt),
    }));
  return { at: keyAt, edges };
}

export function readStrings(r: NodeReader, node: unknown, what: string, at: Position): Located<string>[] {
  const items = r.list(node, what, at) ?? [];
  return items.flatMap((item) => {
    const value = r.string(item, `${what}: each entry`, at);
    return value === undefined ? [] : [{ value, at: r.atOf(item, at) }];
  });
}

export function unknownKey(key: string, where: string, allowed: readonly string[]): string {
  const near = closest(key, allowed);
  const hint = near === undefined ? '' : ` (did you mean '${near}'?)`;
  return `unknown key '${key}' ${where}${hint}; allowed: ${allowed.join(', ')}`;
}
