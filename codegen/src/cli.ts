import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertFile } from './convert/convert-file';
import { generate } from './generate';
import { checkFile, checkNamespace, orphanNamespaces, writeFileIfChanged, writeNamespace } from './output';
import { formatProblem, type Problem } from './problem';

const USAGE =
  'usage: npm run generate [-- --check] [--schemas <dir>] [--out <dir>] [--docs <file>] [--allow-destructive] | --to-yaml <file.oschema>';

interface Args {
  check: boolean;
  allowDestructive: boolean;
  schemasDir: string;
  outDir: string;
  docsFile?: string;
  toYaml?: string;
}

function parseArgs(argv: readonly string[]): Args | string {
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const args: Args = {
    check: false,
    allowDestructive: false,
    schemasDir: resolve(root, 'schemas'),
    outDir: resolve(root, 'generated'),
  };
  const paths = { '--schemas': 'a folder', '--out': 'a folder', '--docs': 'a file', '--to-yaml': 'a file' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--check') args.check = true;
    else if (arg === '--allow-destructive') args.allowDestructive = true;
    else if (arg in paths) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--'))
        return `${arg} needs ${paths[arg as keyof typeof paths]}; ${USAGE}`;
      if (arg === '--schemas') args.schemasDir = resolve(value);
      else if (arg === '--out') args.outDir = resolve(value);
      else if (arg === '--docs') args.docsFile = resolve(value);
      else args.toYaml = resolve(value);
    } else return `unknown argument '${arg}'; ${USAGE}`;
  }
  if (args.toYaml !== undefined && argv.length > 2) return `--to-yaml takes no other option; ${USAGE}`;
  return args;
}

const shown = (file: string) => relative(process.cwd(), file) || file;

function printProblems(problems: readonly Problem[]): number {
  for (const p of problems) console.error(formatProblem(p, shown));
  return 1;
}

function main(argv: readonly string[]): number {
  const started = performance.now();
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(args);
    return 2;
  }
  if (args.toYaml !== undefined) {
    const converted = convertFile(args.toYaml);
    if (typeof converted !== 'string') return printProblems(converted);
    process.stdout.write(converted);
    return 0;
  }
  const result = generate({
    schemasDir: args.schemasDir,
    outDir: args.outDir,
    allowDestructive: args.allowDestructive,
    ...(args.docsFile === undefined ? {} : { docsFile: args.docsFile }),
  });
  if (result.problems.length > 0) return printProblems(result.problems);
  const names = result.namespaces.map((n) => n.name).join(', ');
  const orphans = orphanNamespaces(
    args.outDir,
    result.namespaces.map((n) => n.name),
  ).map(
    (name) =>
      `extra: ${shown(resolve(args.outDir, name))} (no schemas folder ${name} any more; remove it by hand once no database needs its migrations)`,
  );
  if (args.check) {
    const differences = [
      ...result.namespaces.flatMap((ns) => checkNamespace(resolve(args.outDir, ns.name), ns.files)),
      ...[...result.shared].flatMap(([file, content]) => checkFile(file, content)),
      ...orphans,
    ];
    if (differences.length > 0) {
      for (const d of differences)
        console.error(d.replace(/^(\w+): (\S+)/, (_, kind, file) => `${kind}: ${shown(file)}`));
      console.error(`generated code is out of date (${differences.length} file(s)); run npm run generate`);
      return 1;
    }
    const total = result.namespaces.reduce((n, ns) => n + ns.files.size, result.shared.size);
    const ms = Math.round(performance.now() - started);
    console.log(`check ok: ${total} files match the schemas (${names}) in ${ms} ms`);
    return 0;
  }
  const parts = result.namespaces.map((ns) => {
    const s = writeNamespace(resolve(args.outDir, ns.name), ns.files);
    const created = ns.createdMigration === undefined ? '' : `, new migration ${ns.createdMigration}`;
    return `${ns.name}: ${s.written} written, ${s.unchanged} unchanged, ${s.removed} removed${created}`;
  });
  const shared = [...result.shared].map(
    ([file, content]) => `${shown(file)} ${writeFileIfChanged(file, content) ? 'written' : 'unchanged'}`,
  );
  for (const orphan of orphans) console.warn(orphan.replace(/^extra: /, 'left alone: '));
  const total = Math.round(performance.now() - started);
  console.log(
    `wrote ${shown(args.outDir)} (${parts.join('; ') || 'no namespaces'}; ${shared.join(', ')}) in ${total} ms`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`codegen failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
