import type { FieldNode, FieldType, RootObjectNode } from '../ir';

// The runtime that reads these column specs declares the kinds; a type-only import keeps the two from drifting.
import type { ColumnKind } from './runtime/template';

export type { ColumnKind };

/** A table column as the emitters see it: generated (id, created_at, updated_at) or from a field. */
export interface Column {
  readonly name: string;
  readonly field?: FieldNode;
  readonly kind: ColumnKind;
  readonly element?: ColumnKind;
  readonly nullable: boolean;
  readonly hasDefault: boolean;
  readonly unique: boolean;
  /** A plain index (unique fields already have one through their constraint). */
  readonly index: boolean;
  readonly filter: boolean;
  readonly order: boolean;
}

const ID: Column = {
  name: 'id',
  kind: 'uuid',
  nullable: false,
  hasDefault: true,
  unique: false,
  index: false,
  filter: true,
  order: false,
};
const stamp = (name: string): Column => ({
  name,
  kind: 'time',
  nullable: false,
  hasDefault: true,
  unique: false,
  index: false,
  filter: true,
  order: true,
});

/** id, the declared fields in order, created_at, updated_at. */
export function columnsOf(root: RootObjectNode): Column[] {
  return [ID, ...root.fields.map(fieldColumn), stamp('created_at'), stamp('updated_at')];
}

function fieldColumn(field: FieldNode): Column {
  const kind = kindOf(field.type);
  const index = !field.unique && (field.index || field.type.kind === 'ref');
  const scalar = kind !== 'json' && kind !== 'array';
  return {
    name: field.name,
    field,
    kind,
    // A list of references is stored as jsonb (an array column cannot hold foreign keys): pg must get JSON text.
    ...(field.type.kind === 'array'
      ? { element: field.type.of.kind === 'ref' ? 'json' : kindOf(field.type.of) }
      : {}),
    nullable: field.optional,
    hasDefault: field.default !== undefined,
    unique: field.unique,
    index,
    filter: field.unique || index || field.type.kind === 'enum' || field.type.kind === 'ref',
    order: scalar && (field.unique || index),
  };
}

export function kindOf(type: FieldType): ColumnKind {
  switch (type.kind) {
    case 'enum':
      return 'enum';
    case 'value':
      return 'json';
    case 'ref':
      return 'uuid';
    case 'array':
      return 'array';
    case 'scalar':
      switch (type.name) {
        case 'str':
          return 'text';
        case 'bool':
          return 'bool';
        case 'i32':
        case 'u32':
          return 'int';
        case 'i64':
        case 'u64':
          return 'bigint';
        case 'f64':
          return 'float';
        case 'otime':
          return 'time';
        case 'json':
          return 'json';
      }
  }
}

/** The TypeScript types a column reads as and accepts on insert/update (before nullability). */
export function tsTypes(type: FieldType): { select: string; write: string } {
  switch (type.kind) {
    case 'enum':
    case 'value':
      return { select: type.name, write: type.name };
    case 'ref':
      return { select: 'string', write: 'string' };
    case 'array': {
      const inner = tsTypes(type.of);
      const wrap = (t: string) => (t.includes(' ') ? `(${t})[]` : `${t}[]`);
      return { select: wrap(inner.select), write: wrap(inner.write) };
    }
    case 'scalar':
      switch (type.name) {
        case 'str':
          return { select: 'string', write: 'string' };
        case 'bool':
          return { select: 'boolean', write: 'boolean' };
        case 'i32':
        case 'u32':
        case 'f64':
          return { select: 'number', write: 'number' };
        case 'i64':
        case 'u64':
          return { select: 'string', write: 'string | bigint' };
        case 'otime':
          return { select: 'Date', write: 'Date' };
        case 'json':
          return { select: 'unknown', write: 'unknown' };
      }
  }
}

/** Names derived from a rootobject, as fixed by docs/generated-api.md. */
export function namesOf(root: RootObjectNode) {
  const repo = root.name[0]?.toLowerCase() + root.name.slice(1);
  return {
    table: `${root.name}Table`,
    row: root.name,
    insert: `New${root.name}`,
    update: `${root.name}Update`,
    patch: `${root.name}Patch`,
    repository: `${repo}Repository`,
    spec: `${repo}Spec`,
    where: `${root.name}Where`,
    orderBy: `${root.name}OrderBy`,
  };
}
