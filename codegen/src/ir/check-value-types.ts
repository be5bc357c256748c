import type { Position } from '../problem';
import type { FieldType, ValueTypeNode } from './nodes';

/** A value type that contains itself (directly or through others) has no finite JSON form: refuse it. */
export function checkValueTypeCycles(
  valueTypes: readonly ValueTypeNode[],
  report: (at: Position, message: string) => void,
): void {
  const byName = new Map(valueTypes.map((v) => [v.name, v]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (v: ValueTypeNode) => {
    state.set(v.name, 'visiting');
    path.push(v.name);
    for (const field of v.fields) {
      const inner = valueTypeOf(field.type);
      const target = inner === undefined ? undefined : byName.get(inner);
      if (target === undefined) continue;
      if (state.get(target.name) === 'visiting') {
        const cycle = [...path.slice(path.indexOf(target.name)), target.name].join(' -> ');
        report(
          field.at,
          `${v.name}.${field.name}: value type ${target.name} would contain itself (${cycle}); a value is stored as one JSON document, so it cannot be recursive`,
        );
      } else if (!state.has(target.name)) visit(target);
    }
    path.pop();
    state.set(v.name, 'done');
  };
  for (const v of valueTypes) if (!state.has(v.name)) visit(v);
}

function valueTypeOf(type: FieldType): string | undefined {
  if (type.kind === 'value') return type.name;
  if (type.kind === 'array' && type.of.kind === 'value') return type.of.name;
  return undefined;
}
