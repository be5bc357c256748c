import type { Child } from './child';

/**
 * Owns the children of a long-running command: Ctrl-C or SIGTERM stops them all (newest first, so the
 * admin view goes before the server it reads), and if one dies on its own the others are stopped too.
 * `done` resolves with the command's exit code once every child is gone.
 */
export class Supervisor {
  readonly #children: Child[] = [];
  #stopping = false;
  #resolve: (code: number) => void = () => {};
  readonly done = new Promise<number>((resolve) => {
    this.#resolve = resolve;
  });

  get stopping(): boolean {
    return this.#stopping;
  }

  add(child: Child): Child {
    this.#children.push(child);
    void child.exited.then((code) => {
      if (this.#stopping) return;
      process.stderr.write(
        `hero-onboarding: ${child.name} stopped unexpectedly (exit ${code ?? 'by signal'}); stopping the rest\n`,
      );
      void this.stopAll().then(() => this.#resolve(1));
    });
    return child;
  }

  /** Stops on SIGINT (Ctrl-C) and SIGTERM, exiting 0 once everything has stopped cleanly. */
  onSignal(): void {
    const stop = (signal: string) => {
      if (this.#stopping) return;
      process.stderr.write(`\nhero-onboarding: ${signal}, stopping everything…\n`);
      void this.stopAll().then(() => {
        process.stderr.write('hero-onboarding: stopped\n');
        this.#resolve(0);
      });
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  }

  async stopAll(): Promise<void> {
    this.#stopping = true;
    for (const child of [...this.#children].reverse()) await child.stop();
  }
}
