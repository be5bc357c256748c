import { buildNamespace, type NamespaceNode } from '../../src/ir';
import { parseSources } from '../../src/parse';
import { formatProblem, type Problem, sortProblems } from '../../src/problem';

/**
 * Parse + IR over in-memory files (name -> text: `.yaml`, `.oschema`, `.oschema.yaml` overlays); no file system.
 * `elsewhere` lists type names other namespaces declare.
 */
export function compile(
  files: Record<string, string>,
  elsewhere: ReadonlyMap<string, string> = new Map(),
): { namespace?: NamespaceNode; problems: string[] } {
  const { inputs, problems } = parseSources(Object.entries(files).map(([file, text]) => ({ file, text })));
  if (problems.length > 0) return { problems: sortProblems(problems).map((p: Problem) => formatProblem(p)) };
  const built = buildNamespace('test', inputs, { elsewhere });
  return {
    ...(built.namespace ? { namespace: built.namespace } : {}),
    problems: sortProblems(built.problems).map((p) => formatProblem(p)),
  };
}

/** Joins lines so tests can count line numbers at a glance. */
export const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;
