import type { Located } from '../parse';
import { closest } from '../parse/suggest';
import { type FieldType, SCALAR_TYPES, type ScalarName } from './nodes';

export interface Declarations {
  readonly namespace: string;
  readonly enums: ReadonlyMap<string, { readonly values: readonly string[] }>;
  readonly tables: ReadonlyMap<string, string>;
  readonly valueTypes: ReadonlySet<string>;
  /** Type names declared by other namespaces -> that namespace, for a precise refusal. */
  readonly elsewhere: ReadonlyMap<string, string>;
}

/** Resolves a written type (`str`, `[]str`, `KycStatus`, `User`) or explains why it cannot. */
export function resolveType(written: Located<string>, decls: Declarations): FieldType | string {
  const text = written.value.trim();
  // `[]T` (YAML) and `[T]` (oschema) are both a list of T.
  const element = text.startsWith('[]')
    ? text.slice(2)
    : /^\[.+\]$/.test(text)
      ? text.slice(1, -1)
      : undefined;
  if (element !== undefined) {
    const inner = resolveType({ value: element, at: written.at }, decls);
    if (typeof inner === 'string') return inner;
    if (inner.kind === 'array') return `nested arrays are not supported ('${text}')`;
    return { kind: 'array', of: inner };
  }
  if ((SCALAR_TYPES as readonly string[]).includes(text)) return { kind: 'scalar', name: text as ScalarName };
  if (decls.enums.has(text)) return { kind: 'enum', name: text };
  const table = decls.tables.get(text);
  if (table !== undefined) return { kind: 'ref', name: text, table };
  if (decls.valueTypes.has(text)) return { kind: 'value', name: text };
  const other = decls.elsewhere.get(text);
  if (other !== undefined) {
    return `${text} is declared in namespace ${other}, not ${decls.namespace}: a namespace cannot refer to another (each has its own migrations and may live without the other); declare what you need in ${decls.namespace}`;
  }
  if (/^[A-Z]/.test(text)) {
    const near = closest(text, [...decls.enums.keys(), ...decls.tables.keys(), ...decls.valueTypes]);
    return `dangling reference '${text}': no rootobject, enum or value type of that name in any schema of namespace ${decls.namespace}${near === undefined ? '' : ` (did you mean '${near}'?)`}`;
  }
  const near = closest(text, [...SCALAR_TYPES, 'string', 'int', 'boolean', 'timestamp']);
  const hint = SUGGEST[text] ?? (near === undefined ? undefined : (SUGGEST[near] ?? near));
  return `unknown type '${text}'${hint === undefined ? '' : ` (did you mean '${hint}'?)`}; types are ${SCALAR_TYPES.join(', ')}, []T, an enum, a value type or a rootobject`;
}

const SUGGEST: Record<string, string> = {
  string: 'str',
  text: 'str',
  int: 'i32',
  integer: 'i32',
  boolean: 'bool',
  number: 'f64',
  float: 'f64',
  double: 'f64',
  bigint: 'i64',
  long: 'i64',
  timestamp: 'otime',
  datetime: 'otime',
  date: 'otime',
  jsonb: 'json',
};
