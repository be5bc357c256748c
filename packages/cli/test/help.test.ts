import { describe, expect, it } from 'vitest';
import { cliEnv, runCli } from './support/run-cli';

describe('--help', () => {
  it('every command explains itself and exits 0', async () => {
    const cases: [string[], RegExp[]][] = [
      [['--help'], [/serve/, /admin/, /generate/, /migrate/, /reconcile/, /sim/]],
      [
        ['serve', '--help'],
        [
          /--no-admin/,
          /--port <port> .*\(overrides PORT\)/,
          /--admin-port <port> .*\(overrides ADMIN_PORT\)/,
          /\(overrides\s+DATABASE_URL\)/,
        ],
      ],
      [
        ['admin', '--help'],
        [/--server-url <url>/, /ADMIN_SERVER_URL/, /ADMIN_API_TOKEN/],
      ],
      [
        ['generate', '--help'],
        [/--check/, /--allow-destructive/],
      ],
      [['migrate', '--help'], [/--database-url <url>/]],
      [
        ['sim', '--help'],
        [/idenfy/, /stripe/, /clickpesa/],
      ],
      [
        ['sim', 'idenfy', '--help'],
        [/--port <port>/, /--webhook-url <url>/],
      ],
      [['sim', 'stripe', '--help'], [/default: "8091"/]],
      [['sim', 'clickpesa', '--help'], [/\/webhooks\/clickpesa/]],
      [['reconcile', '--help'], [/--database-url <url>/]],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli(args, cliEnv())));
    results.forEach((result, i) => {
      const [args, patterns] = cases[i] as [string[], RegExp[]];
      expect(result.code, args.join(' ')).toBe(0);
      for (const pattern of patterns) expect(result.stdout, args.join(' ')).toMatch(pattern);
    });
  });

  it('an unknown command or flag is an error that points to --help', async () => {
    const [command, flag] = await Promise.all([
      runCli(['servee'], cliEnv()),
      runCli(['serve', '--prot', '1'], cliEnv()),
    ]);
    expect(command.code).toBe(1);
    expect(command.stderr).toMatch(/unknown command 'servee'/);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toMatch(/unknown option '--prot'/);
    expect(flag.stderr).toMatch(/--help/);
  });
});
