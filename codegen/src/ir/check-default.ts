import type { DefaultInput } from '../parse';
import type { DefaultValue, FieldType } from './nodes';
import { integerRange } from './ranges';

/** Checks a field's default against its type and bounds; returns the IR default or a message. */
export function checkDefault(
  input: DefaultInput,
  type: FieldType,
  enumValues: (name: string) => readonly string[],
  bounds: { min?: number; max?: number },
): DefaultValue | string {
  const value = input.value;
  if (value === null) return 'default: null is not a value; make the field optional (`name?`) instead';
  switch (type.kind) {
    case 'ref':
      return `a reference to ${type.name} cannot have a default`;
    case 'value':
      return `a value of ${type.name} cannot have a default; make the field optional (\`name?\`) instead`;
    case 'array':
      return Array.isArray(value) && value.length === 0
        ? { kind: 'json', value: [] }
        : 'an array field can only default to []';
    case 'enum': {
      const values = enumValues(type.name);
      return typeof value === 'string' && values.includes(value)
        ? { kind: 'literal', value }
        : `bad default ${show(value)}: not a value of ${type.name} (${values.join(', ')})`;
    }
    case 'scalar':
      break;
  }
  switch (type.name) {
    case 'str':
      if (typeof value !== 'string') return `bad default ${show(value)}: expected a string`;
      if (bounds.min !== undefined && [...value].length < bounds.min)
        return `bad default: shorter than min ${bounds.min}`;
      if (bounds.max !== undefined && [...value].length > bounds.max)
        return `bad default: longer than max ${bounds.max}`;
      return { kind: 'literal', value };
    case 'bool':
      return typeof value === 'boolean'
        ? { kind: 'literal', value }
        : `bad default ${show(value)}: expected true or false`;
    case 'f64':
      return typeof value === 'number'
        ? { kind: 'literal', value }
        : `bad default ${show(value)}: expected a number`;
    case 'otime':
      return value === 'now'
        ? { kind: 'now' }
        : `bad default ${show(value)}: an otime can only default to now`;
    case 'json':
      return { kind: 'json', value };
    case 'i32':
    case 'u32':
    case 'i64':
    case 'u64': {
      const digits = integerText(input);
      if (digits === undefined) return `bad default ${show(value)}: expected an integer`;
      const n = BigInt(digits);
      const range = integerRange(type.name);
      if (n < range.min || n > range.max) return `bad default ${digits}: out of range for ${type.name}`;
      if (bounds.min !== undefined && n < BigInt(bounds.min))
        return `bad default ${digits}: below min ${bounds.min}`;
      if (bounds.max !== undefined && n > BigInt(bounds.max))
        return `bad default ${digits}: above max ${bounds.max}`;
      return type.name === 'i64' || type.name === 'u64'
        ? { kind: 'bigint', value: digits }
        : { kind: 'literal', value: Number(n) };
    }
  }
}

function integerText(input: DefaultInput): string | undefined {
  const written = input.source ?? (typeof input.value === 'number' ? String(input.value) : undefined);
  if (typeof input.value === 'string' && /^-?\d+$/.test(input.value)) return normalize(input.value);
  if (typeof input.value !== 'number' || written === undefined) return undefined;
  return /^[-+]?\d+$/.test(written)
    ? normalize(written)
    : Number.isInteger(input.value)
      ? String(input.value)
      : undefined;
}

function normalize(digits: string): string {
  return BigInt(digits.replace(/^\+/, '')).toString();
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
