import {
  type FieldNode,
  type FieldType,
  integerRange,
  type NamespaceNode,
  type RootObjectNode,
  type ValueTypeNode,
} from '../ir';
import { namesOf } from './columns';

type JsonSchema = Record<string, unknown>;

/** A bound JSON Schema cannot check on decimal strings (i64/u64); validate.ts checks these. */
export interface BigintRule {
  readonly field: string;
  readonly min: bigint;
  readonly max: bigint;
}

export interface ShapeSchema {
  /** `NewUser` / `UserUpdate`: the validator is named `validate<name>`. */
  readonly name: string;
  readonly schema: JsonSchema;
  readonly bigints: readonly BigintRule[];
  readonly dates: readonly string[];
}

/** JSON Schemas of every rootobject's insert and update shapes, in JSON form (ISO dates, decimal-string bigints). */
export function shapeSchemas(ns: NamespaceNode): ShapeSchema[] {
  const types: Types = {
    enums: new Map(ns.enums.map((e) => [e.name, e.values])),
    values: new Map(ns.valueTypes.map((v) => [v.name, v])),
  };
  return ns.rootobjects.flatMap((root) => {
    const names = namesOf(root);
    return [shape(root, names.insert, true, types), shape(root, names.update, false, types)];
  });
}

interface Types {
  readonly enums: ReadonlyMap<string, readonly string[]>;
  readonly values: ReadonlyMap<string, ValueTypeNode>;
}

function shape(root: RootObjectNode, name: string, insert: boolean, types: Types): ShapeSchema {
  const properties: JsonSchema = {};
  const required: string[] = [];
  const dates: string[] = [];
  if (insert) {
    properties.id = { type: 'string', format: 'uuid' };
    properties.created_at = { type: 'string', format: 'date-time' };
    properties.updated_at = { type: 'string', format: 'date-time' };
    dates.push('created_at', 'updated_at');
  }
  for (const field of root.fields) {
    properties[field.name] = fieldSchema(field, types);
    if (insert && !field.optional && field.default === undefined) required.push(field.name);
    const t = field.type.kind === 'array' ? field.type.of : field.type;
    if (t.kind === 'scalar' && t.name === 'otime') dates.push(field.name);
  }
  const schema: JsonSchema = { $id: name, type: 'object', additionalProperties: false, properties };
  if (required.length > 0) schema.required = required;
  const bigints = root.fields.flatMap((f) => bigintRule(f));
  return { name, schema, bigints, dates: insert ? dates : dates.filter((d) => d !== 'created_at') };
}

function fieldSchema(field: FieldNode, types: Types): JsonSchema {
  const base = typeSchema(field.type, field, types);
  if (!field.optional) {
    return field.type.kind === 'scalar' && field.type.name === 'json' ? { not: { type: 'null' } } : base;
  }
  if (base.type === undefined) return base;
  const withNull: JsonSchema = { ...base, type: [base.type, 'null'] };
  if (Array.isArray(base.enum)) withNull.enum = [...base.enum, null];
  return withNull;
}

function typeSchema(
  type: FieldType,
  field: Pick<FieldNode, 'min' | 'max' | 'format'>,
  types: Types,
): JsonSchema {
  const bounds = (minKey: string, maxKey: string): JsonSchema => ({
    ...(field.min === undefined ? {} : { [minKey]: field.min }),
    ...(field.max === undefined ? {} : { [maxKey]: field.max }),
  });
  switch (type.kind) {
    case 'enum':
      return { type: 'string', enum: types.enums.get(type.name) ?? [] };
    case 'ref':
      return { type: 'string', format: 'uuid' };
    case 'value':
      return valueSchema(types.values.get(type.name), types);
    case 'array':
      return { type: 'array', items: typeSchema(type.of, {}, types) };
    case 'scalar':
      switch (type.name) {
        case 'str':
          return {
            type: 'string',
            ...bounds('minLength', 'maxLength'),
            ...(field.format ? { format: field.format } : {}),
          };
        case 'bool':
          return { type: 'boolean' };
        case 'f64':
          return { type: 'number', ...bounds('minimum', 'maximum') };
        case 'i32':
        case 'u32': {
          const range = integerRange(type.name);
          const min = Math.max(Number(range.min), field.min ?? Number(range.min));
          const max = Math.min(Number(range.max), field.max ?? Number(range.max));
          return { type: 'integer', minimum: min, maximum: max };
        }
        case 'i64':
        case 'u64':
          return { type: 'string', pattern: '^-?(0|[1-9][0-9]*)$' };
        case 'otime':
          return { type: 'string', format: 'date-time' };
        case 'json':
          return {};
      }
  }
}

/** A value type inline (cycles are refused in the IR): its JSON form, with dates and i64s as strings. */
function valueSchema(node: ValueTypeNode | undefined, types: Types): JsonSchema {
  if (node === undefined) throw new Error('value type missing from the namespace');
  const properties = Object.fromEntries(node.fields.map((f) => [f.name, fieldSchema(f, types)]));
  const required = node.fields.filter((f) => !f.optional).map((f) => f.name);
  return {
    type: 'object',
    additionalProperties: false,
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
}

function bigintRule(field: FieldNode): BigintRule[] {
  if (field.type.kind !== 'scalar' || (field.type.name !== 'i64' && field.type.name !== 'u64')) return [];
  const range = integerRange(field.type.name);
  const min =
    field.min === undefined ? range.min : BigInt(field.min) > range.min ? BigInt(field.min) : range.min;
  const max =
    field.max === undefined ? range.max : BigInt(field.max) < range.max ? BigInt(field.max) : range.max;
  return [{ field: field.name, min, max }];
}
