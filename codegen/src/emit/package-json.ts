import { GENERATOR } from './header';

/** What generated code imports at run time, with the ranges the workspace uses (a test keeps them in step). */
export const GENERATED_DEPENDENCIES = { kysely: '~0.28.19', 'ajv-formats': '^3.0.1' } as const;

/**
 * generated/package.json: one export per namespace, so `@hero-onboarding/generated/<namespace>` is that
 * namespace's index.ts and a folder that is not a namespace is not importable.
 */
export function emitPackageJson(namespaces: readonly string[]): string {
  const manifest = {
    name: '@hero-onboarding/generated',
    private: true,
    type: 'module',
    generatedBy: GENERATOR,
    exports: Object.fromEntries([...namespaces].sort().map((ns) => [`./${ns}`, `./${ns}/index.ts`])),
    dependencies: GENERATED_DEPENDENCIES,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
