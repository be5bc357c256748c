import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import addFormats from 'ajv-formats';
import type { NamespaceNode } from '../ir';
import { header, sourceLabel } from './header';
import { shapeSchemas } from './json-schema';

/**
 * validators.js (Ajv standalone code, compiled now so nothing compiles at start-up) and validators.d.ts.
 */
export function emitValidators(ns: NamespaceNode): { js: string; dts: string } {
  const shapes = shapeSchemas(ns);
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    code: { source: true, esm: true, lines: true },
  });
  addFormats(ajv, ['email', 'uri', 'date-time']);
  // ajv-formats' uuid also accepts a `urn:uuid:` prefix, which Postgres' uuid type rejects.
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  for (const s of shapes) ajv.addSchema(s.schema);
  const exports = Object.fromEntries(shapes.map((s) => [`validate${s.name}`, s.name]));
  const code = esmOnly(standaloneCode(ajv, exports));
  const label = sourceLabel(ns.files);
  const dts = [
    header(label),
    "import type { CompiledValidator } from './runtime';\n\n",
    ...shapes.map(
      (s) =>
        `/** Checks the JSON form of ${s.name}. Use validate.ts for typed results. */\nexport declare const validate${s.name}: CompiledValidator;\n`,
    ),
  ].join('');
  return { js: header(label) + code, dts };
}

// Ajv's standalone ESM still `require`s a few runtime helpers; the generated package is pure ESM.
function esmOnly(code: string): string {
  const imports: string[] = [];
  let body = code
    .replace(/^"use strict";\n/, '')
    .replace(/require\("ajv\/dist\/runtime\/ucs2length"\)\.default/g, 'ucs2length');
  body = body.replace(/require\("([^"]+)"\)/g, (_, specifier: string) => {
    const name = `runtime${imports.length}`;
    imports.push(`import ${name} from ${JSON.stringify(`${specifier}.js`)};`);
    return name;
  });
  const helper = body.includes('ucs2length')
    ? '\n// Length in code points, as Postgres char_length counts it.\nfunction ucs2length(text) {\n  return [...text].length;\n}\n'
    : '';
  return `${imports.join('\n')}${imports.length > 0 ? '\n' : ''}${body.trimEnd()}\n${helper}`;
}
