import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { OVERLAY_SUFFIX, parseSources } from '../parse';
import { type Problem, problem } from '../problem';
import { toYaml } from './to-yaml';

/**
 * `npm run generate -- --to-yaml kyc.oschema`: the file (with `kyc.oschema.yaml` merged when it is there) as our
 * YAML, or its problems. Checks syntax and the overlay; names are resolved when the YAML is generated.
 */
export function convertFile(path: string): string | Problem[] {
  if (!path.endsWith('.oschema') || !existsSync(path))
    return [problem({ file: path, line: 1, col: 1 }, 'expected an existing .oschema file')];
  const shown = relative(process.cwd(), path) || path;
  const overlay = `${path}${OVERLAY_SUFFIX.slice('.oschema'.length)}`;
  const sources = [
    { file: shown, text: readFileSync(path, 'utf8') },
    ...(existsSync(overlay) ? [{ file: `${shown}.yaml`, text: readFileSync(overlay, 'utf8') }] : []),
  ];
  const parsed = parseSources(sources);
  const input = parsed.inputs[0];
  if (parsed.problems.length > 0 || input === undefined) return parsed.problems;
  return toYaml(input);
}
