import type { Position } from '../problem';

/** A value together with where it was written. */
export interface Located<T> {
  readonly value: T;
  readonly at: Position;
}

/** One schema file after parsing: shapes are checked, names and types are not resolved yet. */
export interface SchemaFileInput {
  readonly file: string;
  readonly doc?: string;
  readonly enums: readonly EnumInput[];
  readonly rootobjects: readonly RootObjectInput[];
  /** Structs stored inside their owner's row (jsonb), not in a table of their own. */
  readonly valueTypes: readonly ValueTypeInput[];
}

export interface EnumInput {
  readonly name: Located<string>;
  readonly values: readonly Located<string>[];
  readonly doc?: string;
}

export interface RootObjectInput {
  readonly name: Located<string>;
  readonly doc?: string;
  readonly table?: Located<string>;
  /** The rootobject's previous name: its table is renamed, rows kept. */
  readonly renamedFrom?: Located<string>;
  readonly fields: readonly FieldInput[];
}

export interface ValueTypeInput {
  readonly name: Located<string>;
  readonly doc?: string;
  readonly fields: readonly FieldInput[];
}

/** A field in short (`name: type`) or long (`name: { type, ... }`) form; `key` is as written, `?` included. */
export interface FieldInput {
  readonly key: Located<string>;
  readonly type: Located<string>;
  readonly unique?: Located<boolean>;
  readonly index?: Located<boolean>;
  readonly default?: DefaultInput;
  readonly doc?: string;
  readonly format?: Located<string>;
  readonly min?: Located<number>;
  readonly max?: Located<number>;
  readonly pii?: Located<boolean>;
  readonly onDelete?: Located<string>;
  readonly lifecycle?: LifecycleInput;
  /** The field's previous name: its column is renamed, rows kept. */
  readonly renamedFrom?: Located<string>;
}

/** `source` is the scalar exactly as written, so a large i64 default keeps every digit. */
export interface DefaultInput extends Located<unknown> {
  readonly source?: string;
}

export interface LifecycleInput {
  readonly at: Position;
  readonly edges: readonly { readonly from: Located<string>; readonly to: readonly Located<string>[] }[];
}
