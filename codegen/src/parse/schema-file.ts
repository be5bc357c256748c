import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { type Position, type Problem, problem } from '../problem';
import type {
  DefaultInput,
  EnumInput,
  FieldInput,
  LifecycleInput,
  Located,
  RootObjectInput,
  SchemaFileInput,
} from './model';
import { closest } from './suggest';
import { NodeReader } from './yaml-nodes';

const FILE_KEYS = ['doc', 'enums', 'rootobjects'] as const;
const ROOTOBJECT_KEYS = ['doc', 'table', 'fields'] as const;
const ENUM_KEYS = ['doc', 'values'] as const;
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
] as const;

export interface ParseResult {
  readonly input?: SchemaFileInput;
  readonly problems: readonly Problem[];
}

/**
 * Parses one schema file's text. `file` is only used in positions.
 * @example parseSchemaFile('schemas/onboarding/kyc.yaml', text).problems // [] when the shape is right
 */
export function parseSchemaFile(file: string, text: string): ParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => {
        const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
        const source = text.split('\n')[pos.line - 1] ?? '';
        const hint = /:\s*\[\][A-Za-z]/.test(source) ? ' (quote array types: "[]str")' : '';
        return problem(
          { file, line: pos.line, col: pos.col },
          `YAML syntax error: ${firstLine(error.message)}${hint}`,
        );
      }),
    };
  }
  const r = new NodeReader(file, lines);
  const top: Position = { file, line: 1, col: 1 };
  if (!isMap(doc.contents)) {
    r.report(r.atOf(doc.contents, top), 'a schema file must be a mapping with `enums` and/or `rootobjects`');
    return { problems: r.problems };
  }
  let docText: string | undefined;
  let enums: EnumInput[] = [];
  let rootobjects: RootObjectInput[] = [];
  for (const { key, keyAt, value } of r.uniqueEntries(doc.contents, 'schema file', top)) {
    if (key === 'doc') docText = r.string(value, 'doc', keyAt);
    else if (key === 'enums') enums = readEnums(r, value, keyAt);
    else if (key === 'rootobjects') rootobjects = readRootObjects(r, value, keyAt);
    else r.report(keyAt, unknownKey(key, 'at the top of a schema file', FILE_KEYS));
  }
  const input: SchemaFileInput = {
    file,
    enums,
    rootobjects,
    ...(docText === undefined ? {} : { doc: docText }),
  };
  return { input, problems: r.problems };
}

function readEnums(r: NodeReader, node: unknown, at: Position): EnumInput[] {
  return r.uniqueEntries(node, 'enums', at).map(({ key, keyAt, value }) => {
    const name = { value: key, at: keyAt };
    if (isSeq(value)) return { name, values: readStrings(r, value, `enum ${key}`, keyAt) };
    let doc: string | undefined;
    let values: Located<string>[] = [];
    for (const entry of r.uniqueEntries(value, `enum ${key}`, keyAt)) {
      if (entry.key === 'doc') doc = r.string(entry.value, 'doc', entry.keyAt);
      else if (entry.key === 'values')
        values = readStrings(r, entry.value, `enum ${key} values`, entry.keyAt);
      else r.report(entry.keyAt, unknownKey(entry.key, `in enum ${key}`, ENUM_KEYS));
    }
    return { name, values, ...(doc === undefined ? {} : { doc }) };
  });
}

function readStrings(r: NodeReader, node: unknown, what: string, at: Position): Located<string>[] {
  const items = r.list(node, what, at) ?? [];
  return items.flatMap((item) => {
    const value = r.string(item, `${what}: each entry`, at);
    return value === undefined ? [] : [{ value, at: r.atOf(item, at) }];
  });
}

function readRootObjects(r: NodeReader, node: unknown, at: Position): RootObjectInput[] {
  return r.uniqueEntries(node, 'rootobjects', at).map(({ key, keyAt, value }) => {
    let doc: string | undefined;
    let table: Located<string> | undefined;
    let fields: FieldInput[] = [];
    for (const entry of r.uniqueEntries(value, `rootobject ${key}`, keyAt)) {
      if (entry.key === 'doc') doc = r.string(entry.value, 'doc', entry.keyAt);
      else if (entry.key === 'table') {
        const name = r.string(entry.value, 'table', entry.keyAt);
        if (name !== undefined) table = { value: name, at: r.atOf(entry.value, entry.keyAt) };
      } else if (entry.key === 'fields') fields = readFields(r, entry.value, key, entry.keyAt);
      else r.report(entry.keyAt, unknownKey(entry.key, `in rootobject ${key}`, ROOTOBJECT_KEYS));
    }
    return {
      name: { value: key, at: keyAt },
      fields,
      ...(doc === undefined ? {} : { doc }),
      ...(table === undefined ? {} : { table }),
    };
  });
}

// Duplicate field names are the IR's to report (it also catches `name` next to `name?`).
function readFields(r: NodeReader, node: unknown, owner: string, at: Position): FieldInput[] {
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
    return readLongField(r, fieldKey, value);
  });
}

function readLongField(r: NodeReader, key: Located<string>, node: unknown): FieldInput[] {
  const name = key.value;
  const field: { -readonly [K in keyof FieldInput]?: FieldInput[K] | undefined } = {};
  const located = <T>(value: T | undefined, valueNode: unknown, keyAt: Position): Located<T> | undefined =>
    value === undefined ? undefined : { value, at: r.atOf(valueNode, keyAt) };
  for (const { key: k, keyAt, value } of r.uniqueEntries(node, `field ${name}`, key.at)) {
    const what = `field ${name}: ${k}`;
    switch (k) {
      case 'type':
        field.type = located(r.string(value, what, keyAt), value, keyAt);
        break;
      case 'unique':
        field.unique = located(r.boolean(value, what, keyAt), value, keyAt);
        break;
      case 'index':
        field.index = located(r.boolean(value, what, keyAt), value, keyAt);
        break;
      case 'pii':
        field.pii = located(r.boolean(value, what, keyAt), value, keyAt);
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
      case 'min':
        field.min = located(r.number(value, what, keyAt), value, keyAt);
        break;
      case 'max':
        field.max = located(r.number(value, what, keyAt), value, keyAt);
        break;
      case 'default':
        field.default = readDefault(r, value, keyAt);
        break;
      case 'lifecycle':
        field.lifecycle = readLifecycle(r, value, name, keyAt);
        break;
      default:
        r.report(keyAt, unknownKey(k, `in field ${name}`, FIELD_KEYS));
    }
  }
  if (field.type === undefined) {
    r.report(key.at, `field ${name} has no type: add \`type: <type>\``);
    return [];
  }
  const clean = Object.fromEntries(Object.entries(field).filter(([, v]) => v !== undefined));
  return [{ ...clean, key, type: field.type } as FieldInput];
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

function unknownKey(key: string, where: string, allowed: readonly string[]): string {
  const near = closest(key, allowed);
  const hint = near === undefined ? '' : ` (did you mean '${near}'?)`;
  return `unknown key '${key}' ${where}${hint}; allowed: ${allowed.join(', ')}`;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}
