import { buildNamespace, type NamespaceNode } from '../../src/ir';
import { parseSchemaFile, type SchemaFileInput } from '../../src/parse';
import { formatProblem, type Problem, sortProblems } from '../../src/problem';

/** Parse + IR over in-memory files (name -> YAML text); no file system involved. */
export function compile(files: Record<string, string>): { namespace?: NamespaceNode; problems: string[] } {
  const problems: Problem[] = [];
  const inputs: SchemaFileInput[] = [];
  for (const [file, text] of Object.entries(files)) {
    const result = parseSchemaFile(file, text);
    problems.push(...result.problems);
    if (result.input) inputs.push(result.input);
  }
  if (problems.length > 0) return { problems: sortProblems(problems).map((p) => formatProblem(p)) };
  const built = buildNamespace('test', inputs);
  return {
    ...(built.namespace ? { namespace: built.namespace } : {}),
    problems: sortProblems(built.problems).map((p) => formatProblem(p)),
  };
}

/** Joins lines so tests can count line numbers at a glance. */
export const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;
