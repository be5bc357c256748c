import type { Position } from '../problem';

/** Scalar types of the schema language. */
export const SCALAR_TYPES = ['str', 'bool', 'i32', 'u32', 'i64', 'u64', 'f64', 'otime', 'json'] as const;
export type ScalarName = (typeof SCALAR_TYPES)[number];

/** Fields every rootobject gets from the generator; declaring one is an error. */
export const AUTOGEN_FIELDS = ['id', 'created_at', 'updated_at', 'sid'] as const;

export interface ScalarType {
  readonly kind: 'scalar';
  readonly name: ScalarName;
}
export interface EnumType {
  readonly kind: 'enum';
  readonly name: string;
}
export interface RefType {
  readonly kind: 'ref';
  readonly name: string;
  readonly table: string;
}
/** A value type (a struct with no table): stored as jsonb in the row that holds it. */
export interface ValueType {
  readonly kind: 'value';
  readonly name: string;
}
export interface ArrayType {
  readonly kind: 'array';
  readonly of: ScalarType | EnumType | RefType | ValueType;
}
export type FieldType = ScalarType | EnumType | RefType | ValueType | ArrayType;

/** A previous name, as written in `renamed_from`. */
export interface RenamedFrom {
  readonly name: string;
  readonly at: Position;
}

export type OnDelete = 'restrict' | 'cascade' | 'set_null';

/** A default as written: a literal, `now` for otime, or a JSON value. i64 literals stay decimal strings. */
export type DefaultValue =
  | { readonly kind: 'literal'; readonly value: string | number | boolean }
  | { readonly kind: 'bigint'; readonly value: string }
  | { readonly kind: 'now' }
  | { readonly kind: 'json'; readonly value: unknown };

export interface LifecycleNode {
  readonly kind: 'lifecycle';
  /** Every enum value, in enum order, with its allowed next states (empty for final states). */
  readonly transitions: readonly { readonly from: string; readonly to: readonly string[] }[];
}

export interface FieldNode {
  readonly kind: 'field';
  readonly name: string;
  readonly type: FieldType;
  readonly optional: boolean;
  readonly unique: boolean;
  readonly index: boolean;
  readonly pii: boolean;
  readonly default?: DefaultValue;
  readonly doc?: string;
  readonly format?: string;
  readonly min?: number;
  readonly max?: number;
  readonly onDelete?: OnDelete;
  readonly lifecycle?: LifecycleNode;
  readonly renamedFrom?: RenamedFrom;
  readonly at: Position;
}

export interface RootObjectNode {
  readonly kind: 'rootobject';
  readonly name: string;
  readonly table: string;
  readonly file: string;
  readonly doc?: string;
  readonly fields: readonly FieldNode[];
  readonly renamedFrom?: RenamedFrom;
  readonly at: Position;
}

/** A struct without a table; its fields only use type, doc, format, min and max. */
export interface ValueTypeNode {
  readonly kind: 'valuetype';
  readonly name: string;
  readonly file: string;
  readonly doc?: string;
  readonly fields: readonly FieldNode[];
  readonly at: Position;
}

export interface EnumNode {
  readonly kind: 'enum';
  readonly name: string;
  readonly values: readonly string[];
  readonly file: string;
  readonly doc?: string;
  readonly at: Position;
}

/** One folder of schemas: every enum and rootobject of its files, references resolved. */
export interface NamespaceNode {
  readonly kind: 'namespace';
  readonly name: string;
  /** Schema file paths as shown in headers, e.g. `schemas/onboarding/kyc.yaml`, sorted. */
  readonly files: readonly string[];
  readonly enums: readonly EnumNode[];
  readonly valueTypes: readonly ValueTypeNode[];
  readonly rootobjects: readonly RootObjectNode[];
}
