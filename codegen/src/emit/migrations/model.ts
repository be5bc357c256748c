import {
  type DefaultValue,
  type FieldNode,
  type FieldType,
  integerRange,
  type NamespaceNode,
} from '../../ir';
import { columnsOf } from '../columns';

/** A CHECK on one column: enum membership, or bounds on a value or a text length. */
export type CheckModel =
  | { readonly kind: 'in'; readonly values: readonly string[]; readonly array: boolean }
  | {
      readonly kind: 'range';
      readonly min: string | null;
      readonly max: string | null;
      readonly length: boolean;
    };

export interface ColumnModel {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
  readonly default: string | null;
  readonly unique: boolean;
  readonly index: boolean;
  readonly check: CheckModel | null;
  readonly references: { readonly table: string; readonly onDelete: string } | null;
  readonly primaryKey: boolean;
  /** Earlier names of this column, oldest first: a `renamed_from` naming one of them is already applied. */
  readonly renamedFrom?: readonly string[];
}

export interface TableModel {
  readonly name: string;
  readonly rootobject: string;
  readonly columns: readonly ColumnModel[];
  /** Earlier rootobject names of this table, oldest first (see ColumnModel.renamedFrom). */
  readonly renamedFrom?: readonly string[];
}

/** The database schema a namespace needs, independent of how it was written. */
export interface SchemaModel {
  readonly tables: readonly TableModel[];
}

/** The Postgres shape of a namespace's IR. */
export function schemaModel(ns: NamespaceNode): SchemaModel {
  const enums = new Map(ns.enums.map((e) => [e.name, e.values]));
  return {
    tables: ns.rootobjects.map((root) => ({
      name: root.table,
      rootobject: root.name,
      columns: columnsOf(root).map((c): ColumnModel => {
        if (c.field === undefined) {
          const id = c.name === 'id';
          return {
            name: c.name,
            type: id ? 'uuid' : 'timestamptz',
            nullable: false,
            default: id ? 'gen_random_uuid()' : 'now()',
            unique: false,
            index: false,
            check: null,
            references: null,
            primaryKey: id,
          };
        }
        const f = c.field;
        const target = f.type.kind === 'ref' ? f.type : null;
        return {
          name: c.name,
          type: sqlType(f.type),
          nullable: f.optional,
          default: f.default === undefined ? null : sqlDefault(f.default, f.type),
          unique: f.unique,
          index: c.index,
          check: checkOf(f, enums),
          references: target === null ? null : { table: target.table, onDelete: onDeleteSql(f.onDelete) },
          primaryKey: false,
        };
      }),
    })),
  };
}

function onDeleteSql(onDelete: FieldNode['onDelete']): string {
  return onDelete === 'cascade' ? 'CASCADE' : onDelete === 'set_null' ? 'SET NULL' : 'RESTRICT';
}

export function sqlType(type: FieldType): string {
  switch (type.kind) {
    case 'enum':
      return 'text';
    case 'ref':
      return 'uuid';
    case 'value':
      return 'jsonb';
    case 'array':
      return type.of.kind === 'ref' ||
        type.of.kind === 'value' ||
        (type.of.kind === 'scalar' && type.of.name === 'json')
        ? 'jsonb'
        : `${sqlType(type.of)}[]`;
    case 'scalar':
      switch (type.name) {
        case 'str':
          return 'text';
        case 'bool':
          return 'boolean';
        case 'i32':
        case 'u32':
          return 'integer';
        case 'i64':
        case 'u64':
          return 'bigint';
        case 'f64':
          return 'double precision';
        case 'otime':
          return 'timestamptz';
        case 'json':
          return 'jsonb';
      }
  }
}

export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function sqlDefault(value: DefaultValue, type: FieldType): string {
  switch (value.kind) {
    case 'now':
      return 'now()';
    case 'bigint':
      return value.value;
    case 'literal':
      return typeof value.value === 'string' ? sqlString(value.value) : String(value.value);
    case 'json':
      if (type.kind === 'array' && sqlType(type) !== 'jsonb') return sqlString('{}');
      return `${sqlString(JSON.stringify(value.value))}::jsonb`;
  }
}

function checkOf(f: FieldNode, enums: ReadonlyMap<string, readonly string[]>): CheckModel | null {
  const t = f.type;
  if (t.kind === 'enum') return { kind: 'in', values: enums.get(t.name) ?? [], array: false };
  if (t.kind === 'array')
    return t.of.kind === 'enum' ? { kind: 'in', values: enums.get(t.of.name) ?? [], array: true } : null;
  if (t.kind !== 'scalar') return null;
  const text = (n: number | undefined) => (n === undefined ? null : String(n));
  if (t.name === 'str') {
    return f.min === undefined && f.max === undefined
      ? null
      : { kind: 'range', min: text(f.min), max: text(f.max), length: true };
  }
  if (t.name === 'u32' || t.name === 'u64') {
    const floor = integerRange(t.name).min;
    const min = f.min === undefined || BigInt(f.min) < floor ? String(floor) : String(f.min);
    return { kind: 'range', min, max: text(f.max), length: false };
  }
  if (['i32', 'i64', 'f64'].includes(t.name) && (f.min !== undefined || f.max !== undefined)) {
    return { kind: 'range', min: text(f.min), max: text(f.max), length: false };
  }
  return null;
}
