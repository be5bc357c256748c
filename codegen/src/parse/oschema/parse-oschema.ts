import { type Position, type Problem, problem } from '../../problem';
import type {
  EnumInput,
  FieldInput,
  Located,
  RootObjectInput,
  SchemaFileInput,
  ValueTypeInput,
} from '../model';
import type { ParseResult } from '../schema-file';
import { readField } from './field-line';
import { readEnumValues, readMarker, splitTopLevel } from './pieces';
import { type Line, type Token, tokenize } from './tokens';

interface Struct {
  name: Located<string>;
  rootobject: boolean;
  doc: string[];
  fields: FieldInput[];
  open: Position;
}

/**
 * Parses an `.oschema` file into the same input the YAML reader produces (see codegen/README.md for the syntax).
 * @example parseOschema('schemas/kyc/kyc.oschema', 'KycStatus = "pending" | "done"\n').input?.enums
 */
export function parseOschema(file: string, text: string): ParseResult {
  const problems: Problem[] = [];
  const out = {
    enums: [] as EnumInput[],
    rootobjects: [] as RootObjectInput[],
    valueTypes: [] as ValueTypeInput[],
  };
  let fileDoc: string | undefined;
  let pendingDoc: string[] = [];
  let marker: Position | undefined;
  let struct: Struct | undefined;
  let lastEnum: { input: EnumInput; values: Located<string>[] } | undefined;
  let declared = false;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const lineNo = index + 1;
    const at = (col: number): Position => ({ file, line: lineNo, col });
    const fail = (col: number, message: string): undefined => {
      problems.push(problem(at(col), message));
      return undefined;
    };
    const raw = lines[index] ?? '';
    const line = tokenize(raw);
    if (!('tokens' in line)) {
      fail(line.col, line.message);
      continue;
    }
    const { tokens } = line;
    if (tokens.length === 0) {
      if (line.comment !== undefined) pendingDoc.push(line.comment);
      else {
        if (!declared && struct === undefined && fileDoc === undefined && pendingDoc.length > 0)
          fileDoc = pendingDoc.join(' ');
        pendingDoc = [];
        lastEnum = undefined;
      }
      continue;
    }
    if (struct !== undefined) {
      struct = structLine(struct, tokens, line, raw, at, fail, pendingDoc, out);
      pendingDoc = [];
      continue;
    }
    if (tokens[0]?.text === '|' && lastEnum !== undefined) {
      readEnumValues(tokens, 0, lastEnum.values, at, fail);
      continue;
    }
    lastEnum = undefined;
    if (tokens[0]?.text === '[') {
      marker = readMarker(tokens, at, fail) ?? marker;
      continue;
    }
    const [name, eq, first] = tokens;
    if (name?.kind !== 'name' || eq?.text !== '=' || first === undefined) {
      fail(tokens[0]?.col ?? 1, 'expected a declaration: `Name = { ... }` or `Name = "a" | "b"`');
      continue;
    }
    declared = true;
    const doc = [...pendingDoc, ...(line.comment === undefined ? [] : [line.comment])];
    pendingDoc = [];
    const located = { value: name.text, at: at(name.col) };
    if (first.text === '{') {
      const opened: Struct = {
        name: located,
        rootobject: marker !== undefined,
        doc,
        fields: [],
        open: at(first.col),
      };
      marker = undefined;
      struct = structLine(opened, tokens.slice(3), { tokens: tokens.slice(3) }, raw, at, fail, [], out);
      continue;
    }
    if (marker !== undefined)
      problems.push(problem(marker, `[rootobject] marks a struct (Name = { ... }); ${name.text} is an enum`));
    marker = undefined;
    const values: Located<string>[] = [];
    readEnumValues(tokens, 2, values, at, fail);
    const input: EnumInput = { name: located, values, ...(doc.length > 0 ? { doc: doc.join(' ') } : {}) };
    out.enums.push(input);
    lastEnum = { input, values };
  }
  if (struct !== undefined)
    problems.push(problem(struct.open, `${struct.name.value} = { is never closed: add a line with }`));
  if (marker !== undefined) problems.push(problem(marker, '[rootobject] is not followed by a declaration'));
  const input: SchemaFileInput = { file, ...out, ...(fileDoc === undefined ? {} : { doc: fileDoc }) };
  return problems.length > 0 ? { problems } : { input, problems };
}

/** Reads fields (one per line, or comma-separated) until `}`; returns the struct while it stays open. */
function structLine(
  struct: Struct,
  tokens: readonly Token[],
  line: Line,
  raw: string,
  at: (col: number) => Position,
  fail: (col: number, message: string) => undefined,
  above: readonly string[],
  out: { rootobjects: RootObjectInput[]; valueTypes: ValueTypeInput[] },
): Struct | undefined {
  const close = tokens.findIndex((t) => t.text === '}');
  const body = close < 0 ? tokens : tokens.slice(0, close);
  for (const segment of splitTopLevel(body)) {
    const field = readField(segment, raw, at, fail);
    if (field === undefined) continue;
    const doc = [...above, ...(line.comment === undefined || close >= 0 ? [] : [line.comment])];
    const skipped = struct.rootobject && isRowId(field);
    if (!skipped) struct.fields.push(doc.length > 0 ? { ...field, doc: doc.join(' ') } : field);
  }
  if (close < 0) return struct;
  const after = tokens[close + 1];
  if (after !== undefined) fail(after.col, `unexpected '${after.text}' after }`);
  const doc = struct.doc.length > 0 ? { doc: struct.doc.join(' ') } : {};
  if (struct.rootobject) out.rootobjects.push({ name: struct.name, fields: struct.fields, ...doc });
  else out.valueTypes.push({ name: struct.name, fields: struct.fields, ...doc });
  return undefined;
}

// oschema's SmartID: declaring `sid: sid` names the row's own id, which every rootobject has already.
function isRowId(field: FieldInput): boolean {
  return field.key.value.replace(/\?$/, '') === 'sid' && field.type.value === 'str';
}
