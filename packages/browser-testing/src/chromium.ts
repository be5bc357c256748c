import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); `CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, no sandbox (CI runs as root in a container), and nothing that talks to the outside world:
 * these machines reach no network but the package registries, and a test must not wait on one.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface Browser {
  /** One fresh profile: cookies and storage start empty on every launch. */
  readonly context: BrowserContext;
  newPage(): Promise<Page>;
  /** Closes Chromium and removes its profile directory. */
  close(): Promise<void>;
}

/**
 * Starts the system Chromium through `playwright-core` (which downloads no browser of its own) with a
 * throwaway `--user-data-dir`.
 */
export async function launchBrowser(options: { executablePath?: string } = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  if (!existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath}: install it (apt-get install chromium)`);
  const profile = await mkdtemp(path.join(tmpdir(), 'hero-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: { width: 1280, height: 800 },
    });
    return {
      context,
      newPage: () => context.newPage(),
      async close() {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
