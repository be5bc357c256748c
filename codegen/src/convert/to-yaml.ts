import { Document, type Node } from 'yaml';
import type { DefaultInput, FieldInput, SchemaFileInput } from '../parse';

/**
 * Our YAML for a parsed schema file (an .oschema with its overlay merged): the same declarations, in the same
 * order, so `generate` builds the same IR from either. Options go in a one-line `{ ... }`; lifecycles in a block.
 * @example toYaml(parseOschema('kyc.oschema', text).input)
 */
export function toYaml(input: SchemaFileInput): string {
  const doc = new Document<Node, true>({});
  const flow = (value: unknown) => {
    const node = doc.createNode(value) as Node & { flow?: boolean };
    node.flow = true;
    return node;
  };
  const root: Record<string, unknown> = {};
  if (input.doc !== undefined) root.doc = input.doc;
  if (input.enums.length > 0) {
    root.enums = Object.fromEntries(
      input.enums.map((e) => {
        const values = flow(e.values.map((v) => v.value));
        return [e.name.value, e.doc === undefined ? values : { doc: e.doc, values }];
      }),
    );
  }
  if (input.valueTypes.length > 0) {
    root.valuetypes = Object.fromEntries(
      input.valueTypes.map((v) => [
        v.name.value,
        { ...(v.doc === undefined ? {} : { doc: v.doc }), fields: fields(v.fields, flow) },
      ]),
    );
  }
  if (input.rootobjects.length > 0) {
    root.rootobjects = Object.fromEntries(
      input.rootobjects.map((r) => [
        r.name.value,
        {
          ...(r.doc === undefined ? {} : { doc: r.doc }),
          ...(r.table === undefined ? {} : { table: r.table.value }),
          ...(r.renamedFrom === undefined ? {} : { renamed_from: r.renamedFrom.value }),
          fields: fields(r.fields, flow),
        },
      ]),
    );
  }
  doc.contents = doc.createNode(root);
  return doc.toString({ lineWidth: 0 });
}

function fields(list: readonly FieldInput[], flow: (value: unknown) => Node): Record<string, unknown> {
  return Object.fromEntries(
    list.map((f) => {
      const type = yamlType(f.type.value);
      const options: Record<string, unknown> = {
        type,
        ...(f.unique === undefined ? {} : { unique: f.unique.value }),
        ...(f.index === undefined ? {} : { index: f.index.value }),
        ...(f.default === undefined ? {} : { default: defaultValue(f.default) }),
        ...(f.format === undefined ? {} : { format: f.format.value }),
        ...(f.min === undefined ? {} : { min: f.min.value }),
        ...(f.max === undefined ? {} : { max: f.max.value }),
        ...(f.pii === undefined ? {} : { pii: f.pii.value }),
        ...(f.onDelete === undefined ? {} : { on_delete: f.onDelete.value }),
        ...(f.renamedFrom === undefined ? {} : { renamed_from: f.renamedFrom.value }),
        ...(f.doc === undefined ? {} : { doc: f.doc }),
      };
      if (f.lifecycle !== undefined) {
        const edges = f.lifecycle.edges.map((e) => [e.from.value, flow(e.to.map((t) => t.value))]);
        return [f.key.value, { ...options, lifecycle: Object.fromEntries(edges) }];
      }
      return [f.key.value, Object.keys(options).length === 1 ? type : flow(options)];
    }),
  );
}

/** oschema's `[T]` is our `[]T`. */
function yamlType(written: string): string {
  const list = /^\[(.+)\]$/.exec(written.trim());
  return list?.[1] === undefined ? written.trim() : `[]${yamlType(list[1])}`;
}

// An integer keeps every digit it was written with (an i64 default past 2^53 must not round).
function defaultValue(input: DefaultInput): unknown {
  const source = input.source?.trim();
  if (source !== undefined && /^-?\d+$/.test(source)) return BigInt(source);
  return input.value;
}
