import { Command, Option } from 'commander';
import { SettingsError } from './env/settings-error';
import { type FlagVariable, overridesFrom, withSettingFlags } from './flags';

const SERVE_FLAGS: FlagVariable[] = [
  'PORT',
  'HOST',
  'PUBLIC_URL',
  'DATABASE_URL',
  'EMBEDDED_PG_PORT',
  'LOG_LEVEL',
  'ADMIN_PORT',
  'ADMIN_HOST',
  'ADMIN_PUBLIC_URL',
];
const ADMIN_FLAGS: FlagVariable[] = [
  'ADMIN_PORT',
  'ADMIN_HOST',
  'ADMIN_PUBLIC_URL',
  'ADMIN_SERVER_URL',
  'LOG_LEVEL',
];
const MIGRATE_FLAGS: FlagVariable[] = ['DATABASE_URL', 'EMBEDDED_PG_PORT'];

/** The `hero-onboarding` command line; each command ends by calling `exit` with its code. */
export function program(exit: (code: number) => void): Command {
  const cli = new Command('hero-onboarding')
    .description(
      'Run and operate hero-onboarding: the server, the admin view, the generator, migrations, simulators.',
    )
    .showHelpAfterError('(run with --help for usage)');
  const finish = (work: () => Promise<number>) =>
    work().then(exit, (error: unknown) => exit(reportError(error)));
  // Each command loads its code only when it runs, so `--help` answers at once.
  const commands = {
    serve: () => import('./commands/serve'),
    admin: () => import('./commands/admin'),
    oneShot: () => import('./commands/one-shot'),
    sim: () => import('./commands/sim'),
  };

  withSettingFlags(
    cli
      .command('serve')
      .description(
        'Start the server and the admin view (one command; Ctrl-C stops both and the embedded database).',
      )
      .addOption(new Option('--no-admin', 'start the server only')),
    SERVE_FLAGS,
  ).action((options: Record<string, unknown>) =>
    finish(async () =>
      (await commands.serve()).serve(process.env, {
        admin: options.admin !== false,
        overrides: overridesFrom(options, SERVE_FLAGS),
      }),
    ),
  );

  withSettingFlags(
    cli
      .command('admin')
      .description('Start only the admin view, for a server running elsewhere (needs ADMIN_API_TOKEN).'),
    ADMIN_FLAGS,
  ).action((options: Record<string, unknown>) =>
    finish(async () => (await commands.admin()).admin(process.env, overridesFrom(options, ADMIN_FLAGS))),
  );

  cli
    .command('generate')
    .description('Regenerate generated/ from schemas/ (types, validators, repositories, migrations).')
    .option('--check', 'write nothing; fail, naming the files, if generated/ is out of date')
    .option('--allow-destructive', 'allow migrations that drop or retype data')
    .action((options: { check?: boolean; allowDestructive?: boolean }) =>
      finish(async () =>
        (await commands.oneShot()).generate(process.env, {
          check: options.check === true,
          allowDestructive: options.allowDestructive === true,
        }),
      ),
    );

  withSettingFlags(
    cli
      .command('migrate')
      .description('Apply pending migrations to DATABASE_URL (or the embedded database) and exit.'),
    MIGRATE_FLAGS,
  ).action((options: Record<string, unknown>) =>
    finish(async () =>
      (await commands.oneShot()).migrate(process.env, overridesFrom(options, MIGRATE_FLAGS)),
    ),
  );

  withSettingFlags(
    cli
      .command('reconcile')
      .description('One sweep over top-ups left pending past their checkout (npm run reconcile), then exit.'),
    MIGRATE_FLAGS,
  ).action((options: Record<string, unknown>) =>
    finish(async () =>
      (await commands.oneShot()).reconcile(process.env, overridesFrom(options, MIGRATE_FLAGS)),
    ),
  );

  const sim = cli
    .command('sim')
    .description('Run a provider simulator on its own (development and tests only).');
  const simulators = [
    ['idenfy', 'The iDenfy simulator: its API, verification page and /sim control API.', '8090'],
    [
      'stripe',
      'The Stripe stand-in: the API subset the SDK uses, a hosted checkout page, signed events.',
      '8091',
    ],
    [
      'clickpesa',
      'The ClickPesa stand-in: tokens, checkout links, a checkout page, checksummed webhooks.',
      '8092',
    ],
  ] as const;
  for (const [name, description, port] of simulators)
    sim
      .command(name)
      .description(`${description} Webhooks go to the server.`)
      .option('--port <port>', 'the port it listens on', port)
      .option('--host <host>', 'the address it listens on', '127.0.0.1')
      .option('--webhook-url <url>', `where webhooks are delivered (default: PUBLIC_URL's /webhooks/${name})`)
      .action((options: { port: string; host: string; webhookUrl?: string }) =>
        finish(async () =>
          (await commands.sim()).sim(name, process.env, {
            port: options.port,
            host: options.host,
            webhookUrl: options.webhookUrl,
          }),
        ),
      );
  return cli;
}

/** A settings problem is one line naming the variable and who needs it (never its value); anything else says what failed. */
function reportError(error: unknown): number {
  if (error instanceof SettingsError)
    process.stderr.write(`hero-onboarding: configuration error: ${error.message}\n`);
  else process.stderr.write(`hero-onboarding: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}

await program((code) => process.exit(code)).parseAsync(process.argv);
