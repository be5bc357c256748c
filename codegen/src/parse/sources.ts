import { type Problem, problem } from '../problem';
import type { SchemaFileInput } from './model';
import { applyOverlay } from './oschema/overlay';
import { parseOschema } from './oschema/parse-oschema';
import { parseSchemaFile } from './schema-file';

/** One schema file as read: its path as shown in problems and headers, and its text. */
export interface SchemaSource {
  readonly file: string;
  readonly text: string;
}

export const OVERLAY_SUFFIX = '.oschema.yaml';

/** Which files of a folder are schema sources: YAML, .oschema, and the YAML overlays of .oschema files. */
export function isSchemaFile(name: string): boolean {
  return /\.(ya?ml|oschema)$/.test(name);
}

/**
 * Parses every source of one namespace: `*.yaml`, `*.oschema`, and each `<name>.oschema.yaml` overlay merged
 * into its `<name>.oschema`. All syntaxes end as the same `SchemaFileInput`.
 * @example parseSources([{ file: 'schemas/a/kyc.oschema', text }]).inputs[0]?.rootobjects
 */
export function parseSources(sources: readonly SchemaSource[]): {
  inputs: SchemaFileInput[];
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const inputs: SchemaFileInput[] = [];
  const overlays = new Map(sources.filter((s) => s.file.endsWith(OVERLAY_SUFFIX)).map((s) => [s.file, s]));
  for (const source of sources) {
    if (source.file.endsWith(OVERLAY_SUFFIX)) {
      const base = source.file.slice(0, -'.yaml'.length);
      if (!sources.some((s) => s.file === base))
        problems.push(
          problem(
            { file: source.file, line: 1, col: 1 },
            `this overlay adds to ${base}, which does not exist; rename it or remove it`,
          ),
        );
      continue;
    }
    const result = source.file.endsWith('.oschema')
      ? parseOschema(source.file, source.text)
      : parseSchemaFile(source.file, source.text);
    problems.push(...result.problems);
    const overlay = overlays.get(`${source.file}.yaml`);
    if (result.input === undefined) continue;
    if (overlay === undefined) {
      inputs.push(result.input);
      continue;
    }
    const merged = applyOverlay(result.input, overlay.file, overlay.text);
    problems.push(...merged.problems);
    if (merged.input !== undefined) inputs.push(merged.input);
  }
  return { inputs, problems };
}
