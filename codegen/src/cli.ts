import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate';
import { checkNamespace, writeNamespace } from './output';
import { formatProblem } from './problem';

const USAGE = 'usage: npm run generate [-- --check] [--schemas <dir>] [--out <dir>] [--allow-destructive]';

interface Args {
  check: boolean;
  allowDestructive: boolean;
  schemasDir: string;
  outDir: string;
}

function parseArgs(argv: readonly string[]): Args | string {
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const args: Args = {
    check: false,
    allowDestructive: false,
    schemasDir: resolve(root, 'schemas'),
    outDir: resolve(root, 'generated'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') args.check = true;
    else if (arg === '--allow-destructive') args.allowDestructive = true;
    else if (arg === '--schemas' || arg === '--out') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return `${arg} needs a folder; ${USAGE}`;
      if (arg === '--schemas') args.schemasDir = resolve(value);
      else args.outDir = resolve(value);
    } else return `unknown argument '${arg}'; ${USAGE}`;
  }
  return args;
}

function main(argv: readonly string[]): number {
  const started = performance.now();
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(args);
    return 2;
  }
  const result = generate({
    schemasDir: args.schemasDir,
    outDir: args.outDir,
    allowDestructive: args.allowDestructive,
  });
  if (result.problems.length > 0) {
    for (const p of result.problems)
      console.error(formatProblem(p, (file) => relative(process.cwd(), file) || file));
    return 1;
  }
  const ms = Math.round(performance.now() - started);
  if (args.check) {
    const differences = result.namespaces.flatMap((ns) =>
      checkNamespace(resolve(args.outDir, ns.name), ns.files),
    );
    if (differences.length > 0) {
      for (const d of differences)
        console.error(
          d.replace(/^(\w+): (\S+)/, (_, kind, file) => `${kind}: ${relative(process.cwd(), file)}`),
        );
      console.error(`generated code is out of date (${differences.length} file(s)); run npm run generate`);
      return 1;
    }
    const total = result.namespaces.reduce((n, ns) => n + ns.files.size, 0);
    console.log(
      `check ok: ${total} files match the schemas (${result.namespaces.map((n) => n.name).join(', ')}) in ${ms} ms`,
    );
    return 0;
  }
  const parts = result.namespaces.map((ns) => {
    const s = writeNamespace(resolve(args.outDir, ns.name), ns.files);
    const created = ns.createdMigration === undefined ? '' : `, new migration ${ns.createdMigration}`;
    return `${ns.name}: ${s.written} written, ${s.unchanged} unchanged, ${s.removed} removed${created}`;
  });
  const total = Math.round(performance.now() - started);
  console.log(
    `wrote ${relative(process.cwd(), args.outDir) || '.'} (${parts.join('; ') || 'no namespaces'}) in ${total} ms`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`codegen failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
