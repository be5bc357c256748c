import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { type Position, type Problem, problem } from '../problem';
import type {
  EnumInput,
  FieldInput,
  Located,
  RootObjectInput,
  SchemaFileInput,
  ValueTypeInput,
} from './model';
import { readFields, readStrings, unknownKey } from './yaml-fields';
import { NodeReader } from './yaml-nodes';

export { FIELD_KEYS } from './yaml-fields';

const FILE_KEYS = ['doc', 'enums', 'rootobjects', 'valuetypes'] as const;
const ROOTOBJECT_KEYS = ['doc', 'table', 'renamed_from', 'fields'] as const;
const VALUE_TYPE_KEYS = ['doc', 'fields'] as const;
const ENUM_KEYS = ['doc', 'values'] as const;

export interface ParseResult {
  readonly input?: SchemaFileInput;
  readonly problems: readonly Problem[];
}

/** Parses YAML text with positions; a syntax error is reported at its line and column. */
export function readYaml(file: string, text: string): { reader: NodeReader; root: unknown } | Problem[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    return doc.errors.map((error) => {
      const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
      const source = text.split('\n')[pos.line - 1] ?? '';
      const hint = /:\s*\[\][A-Za-z]/.test(source) ? ' (quote array types: "[]str")' : '';
      return problem(
        { file, line: pos.line, col: pos.col },
        `YAML syntax error: ${firstLine(error.message)}${hint}`,
      );
    });
  }
  return { reader: new NodeReader(file, lines), root: doc.contents };
}

/**
 * Parses one schema file's text. `file` is only used in positions.
 * @example parseSchemaFile('schemas/onboarding/kyc.yaml', text).problems // [] when the shape is right
 */
export function parseSchemaFile(file: string, text: string): ParseResult {
  const read = readYaml(file, text);
  if (Array.isArray(read)) return { problems: read };
  const r = read.reader;
  const top: Position = { file, line: 1, col: 1 };
  if (!isMap(read.root)) {
    r.report(r.atOf(read.root, top), 'a schema file must be a mapping with `enums` and/or `rootobjects`');
    return { problems: r.problems };
  }
  let docText: string | undefined;
  let enums: EnumInput[] = [];
  let rootobjects: RootObjectInput[] = [];
  let valueTypes: ValueTypeInput[] = [];
  for (const { key, keyAt, value } of r.uniqueEntries(read.root, 'schema file', top)) {
    if (key === 'doc') docText = r.string(value, 'doc', keyAt);
    else if (key === 'enums') enums = readEnums(r, value, keyAt);
    else if (key === 'rootobjects') rootobjects = readRootObjects(r, value, keyAt);
    else if (key === 'valuetypes') valueTypes = readValueTypes(r, value, keyAt);
    else r.report(keyAt, unknownKey(key, 'at the top of a schema file', FILE_KEYS));
  }
  const input: SchemaFileInput = {
    file,
    enums,
    rootobjects,
    valueTypes,
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

function readRootObjects(r: NodeReader, node: unknown, at: Position): RootObjectInput[] {
  return r.uniqueEntries(node, 'rootobjects', at).map(({ key, keyAt, value }) => {
    let doc: string | undefined;
    let table: Located<string> | undefined;
    let renamedFrom: Located<string> | undefined;
    let fields: FieldInput[] = [];
    for (const entry of r.uniqueEntries(value, `rootobject ${key}`, keyAt)) {
      if (entry.key === 'doc') doc = r.string(entry.value, 'doc', entry.keyAt);
      else if (entry.key === 'table' || entry.key === 'renamed_from') {
        const name = r.string(entry.value, entry.key, entry.keyAt);
        const located =
          name === undefined ? undefined : { value: name, at: r.atOf(entry.value, entry.keyAt) };
        if (entry.key === 'table') table = located;
        else renamedFrom = located;
      } else if (entry.key === 'fields') fields = readFields(r, entry.value, key, entry.keyAt);
      else r.report(entry.keyAt, unknownKey(entry.key, `in rootobject ${key}`, ROOTOBJECT_KEYS));
    }
    return {
      name: { value: key, at: keyAt },
      fields,
      ...(doc === undefined ? {} : { doc }),
      ...(table === undefined ? {} : { table }),
      ...(renamedFrom === undefined ? {} : { renamedFrom }),
    };
  });
}

function readValueTypes(r: NodeReader, node: unknown, at: Position): ValueTypeInput[] {
  return r.uniqueEntries(node, 'valuetypes', at).map(({ key, keyAt, value }) => {
    let doc: string | undefined;
    let fields: FieldInput[] = [];
    for (const entry of r.uniqueEntries(value, `value type ${key}`, keyAt)) {
      if (entry.key === 'doc') doc = r.string(entry.value, 'doc', entry.keyAt);
      else if (entry.key === 'fields') fields = readFields(r, entry.value, key, entry.keyAt);
      else r.report(entry.keyAt, unknownKey(entry.key, `in value type ${key}`, VALUE_TYPE_KEYS));
    }
    return { name: { value: key, at: keyAt }, fields, ...(doc === undefined ? {} : { doc }) };
  });
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}
