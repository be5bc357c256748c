import { isMap } from 'yaml';
import type { Position } from '../../problem';
import type { FieldInput, Located, RootObjectInput, SchemaFileInput, ValueTypeInput } from '../model';
import { type ParseResult, readYaml } from '../schema-file';
import { FIELD_KEYS, type FieldOptions, readFieldOptions, unknownKey } from '../yaml-fields';
import type { NodeReader } from '../yaml-nodes';

const OVERLAY_FIELD_KEYS = FIELD_KEYS.filter((k) => k !== 'type');
const TOP_KEYS = ['rootobjects', 'valuetypes'] as const;

type Struct = RootObjectInput | ValueTypeInput;

/**
 * Adds what oschema cannot say (defaults, lifecycles, on_delete, table, renames, ...) from `<name>.oschema.yaml`
 * to the declarations of `<name>.oschema`. Everything it names must exist there, and nothing may be set twice.
 * @example applyOverlay(parsed, 'kyc.oschema.yaml', 'rootobjects:\n  KycSession:\n    fields:\n      status: { default: pending }\n')
 */
export function applyOverlay(base: SchemaFileInput, file: string, text: string): ParseResult {
  const read = readYaml(file, text);
  if (Array.isArray(read)) return { problems: read };
  const r = read.reader;
  const top: Position = { file, line: 1, col: 1 };
  if (read.root === null || read.root === undefined) return { input: base, problems: [] };
  if (!isMap(read.root)) {
    r.report(r.atOf(read.root, top), 'an overlay must be a mapping with `rootobjects` and/or `valuetypes`');
    return { problems: r.problems };
  }
  let rootobjects = [...base.rootobjects];
  let valueTypes = [...base.valueTypes];
  for (const { key, keyAt, value } of r.uniqueEntries(read.root, 'overlay', top)) {
    if (key === 'rootobjects') rootobjects = overlayStructs(r, value, keyAt, rootobjects, 'rootobject', base);
    else if (key === 'valuetypes')
      valueTypes = overlayStructs(r, value, keyAt, valueTypes, 'value type', base);
    else if (key === 'enums')
      r.report(keyAt, `enums are complete in ${base.file}; an overlay cannot add to them`);
    else r.report(keyAt, unknownKey(key, `at the top of an overlay (it adds to ${base.file})`, TOP_KEYS));
  }
  if (r.problems.length > 0) return { problems: r.problems };
  return { input: { ...base, rootobjects, valueTypes }, problems: [] };
}

function overlayStructs<T extends Struct>(
  r: NodeReader,
  node: unknown,
  at: Position,
  structs: T[],
  kind: 'rootobject' | 'value type',
  base: SchemaFileInput,
): T[] {
  const out = [...structs];
  for (const { key, keyAt, value } of r.uniqueEntries(node, `${kind}s`, at)) {
    const index = out.findIndex((s) => s.name.value === key);
    const target = out[index];
    if (target === undefined) {
      r.report(keyAt, missingStruct(key, kind, base));
      continue;
    }
    out[index] = overlayStruct(r, value, keyAt, target, kind);
  }
  return out;
}

function overlayStruct<T extends Struct>(
  r: NodeReader,
  node: unknown,
  at: Position,
  struct: T,
  kind: 'rootobject' | 'value type',
): T {
  const allowed = kind === 'rootobject' ? ['doc', 'table', 'renamed_from', 'fields'] : ['doc', 'fields'];
  const owner = struct.name.value;
  const next: Record<string, unknown> = { ...struct };
  for (const { key, keyAt, value } of r.uniqueEntries(node, `${kind} ${owner}`, at)) {
    if (!allowed.includes(key)) {
      r.report(keyAt, unknownKey(key, `in ${kind} ${owner}`, allowed));
    } else if (key === 'fields') {
      next.fields = overlayFields(r, value, keyAt, struct);
    } else if (key === 'doc') {
      if (struct.doc !== undefined)
        r.report(keyAt, `${owner} already has a doc (its comment in the .oschema); keep one`);
      else next.doc = r.string(value, 'doc', keyAt);
    } else {
      const text = r.string(value, key, keyAt);
      if (text !== undefined)
        next[key === 'table' ? 'table' : 'renamedFrom'] = { value: text, at: r.atOf(value, keyAt) };
    }
  }
  return Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as unknown as T;
}

function overlayFields(r: NodeReader, node: unknown, at: Position, struct: Struct): FieldInput[] {
  const fields = [...struct.fields];
  const owner = struct.name.value;
  for (const { key, keyAt, value } of r.uniqueEntries(node, `fields of ${owner}`, at)) {
    const name = key.replace(/\?$/, '');
    const index = fields.findIndex((f) => f.key.value.replace(/\?$/, '') === name);
    const field = fields[index];
    if (field === undefined) {
      const known = struct.fields.map((f) => f.key.value.replace(/\?$/, '')).join(', ');
      r.report(
        keyAt,
        `${owner} has no field ${name} in the .oschema (its fields: ${known}); declare it there first`,
      );
      continue;
    }
    const options = readFieldOptions(r, { value: key, at: keyAt }, value, OVERLAY_FIELD_KEYS);
    fields[index] = merge(r, field, options, owner);
  }
  return fields;
}

function merge(r: NodeReader, field: FieldInput, options: FieldOptions, owner: string): FieldInput {
  const out: Record<string, unknown> = { ...field };
  for (const [key, value] of Object.entries(options)) {
    if (key === 'key' || value === undefined) continue;
    const existing = (field as unknown as Record<string, unknown>)[key];
    if (existing !== undefined) {
      const where = located(existing);
      const at = located(value) ?? options.key?.at;
      if (at !== undefined)
        r.report(
          at,
          `${owner}.${field.key.value.replace(/\?$/, '')}: ${key} is already set${where === undefined ? '' : ` at ${where.file}:${where.line}:${where.col}`}; set it in one place`,
        );
      continue;
    }
    out[key] = value;
  }
  return out as unknown as FieldInput;
}

function located(value: unknown): Position | undefined {
  const at = (value as Partial<Located<unknown>>)?.at;
  return at !== undefined && typeof at === 'object' ? at : undefined;
}

function missingStruct(name: string, kind: string, base: SchemaFileInput): string {
  const asRoot = base.rootobjects.some((s) => s.name.value === name);
  const asValue = base.valueTypes.some((s) => s.name.value === name);
  if (kind === 'rootobject' && asValue)
    return `${name} is a value type in ${base.file} (no [rootobject] line above it); list it under valuetypes, or mark it [rootobject]`;
  if (kind === 'value type' && asRoot)
    return `${name} is a rootobject in ${base.file}; list it under rootobjects`;
  return `${base.file} declares no ${kind} ${name}; an overlay only adds to declarations of its .oschema`;
}
