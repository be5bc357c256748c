import type { NamespaceNode } from '../ir';
import { header, sourceLabel } from './header';
import { shapeSchemas } from './json-schema';
import { tsLiteral } from './literal';

/** validate.ts: `validateNewUser(input) -> ValidationResult<NewUser>` over the compiled validators. */
export function emitValidate(ns: NamespaceNode): string {
  const shapes = shapeSchemas(ns);
  const lines = [
    header(sourceLabel(ns.files)),
    "import { runValidator, type ValidationResult } from './runtime';",
    `import type { ${shapes
      .map((s) => s.name)
      .sort()
      .join(', ')} } from './types';`,
    "import * as compiled from './validators';",
    '',
  ];
  for (const s of shapes) {
    const bigints = tsLiteral(
      s.bigints.map((b) => ({ field: b.field, min: b.min, max: b.max })),
      '  ',
    );
    lines.push(
      `/** Validates the JSON form of ${s.name} (Date as an ISO string, bigint as a decimal string); \`data\` has Dates revived. */`,
      `export function validate${s.name}(input: unknown): ValidationResult<${s.name}> {`,
      `  return runValidator<${s.name}>(compiled.validate${s.name}, input, ${bigints}, ${tsLiteral(s.dates, '  ')});`,
      '}',
      '',
    );
  }
  return lines.join('\n');
}
