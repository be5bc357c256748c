import { leakedSecrets, screenshotPage, unlabelledFields, watchPage } from '@hero-onboarding/browser-testing';
import { createTestDatabase, type TestDatabase } from '@hero-onboarding/db/testing';
import type { Database } from '@hero-onboarding/generated/onboarding';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { startServerProcess } from '../../src/testing/server-process';

export const SESSION_SECRET = 'people-pages-browser-session-secret-0123456789';

/**
 * What a person runs: `npm start` in dev mode (its own process: the built-in iDenfy simulator and Stripe
 * and ClickPesa stand-ins, codes in the log) over a fresh database.
 */
export async function startPeopleServer() {
  const database: TestDatabase<Database> = await createTestDatabase<Database>();
  const server = await startServerProcess({
    DATABASE_URL: database.url,
    NODE_ENV: 'development',
    SESSION_SECRET,
    TOPUP_CURRENCIES: 'USD,TZS',
    LOGIN_RATE_LIMIT_PER_IP: '1000',
  });
  return {
    url: server.url,
    database,
    /** The newest sign-in code the server logged (dev mode's "mailbox"). */
    lastCode(): string {
      const code = [...server.output().matchAll(/DEV MODE sign-in code: (\d{6})/g)].at(-1)?.[1];
      if (code === undefined) throw new Error('the server logged no sign-in code');
      return code;
    },
    async close() {
      await server.stop();
      await database.destroy();
    },
  };
}

/** The secrets no page of ours may show: codes, the session secret, cookies' tokens, iDenfy's tokens. */
export class Secrets {
  readonly #values = new Set<string>([SESSION_SECRET]);
  add(...values: (string | undefined | null)[]) {
    for (const value of values) if (value) this.#values.add(value);
  }
  get list() {
    return [...this.#values];
  }
}

/**
 * Every page of ours a person sees: screenshots at 375 px and desktop width, nothing scrolls sideways, our
 * stylesheet applied (under whatever CSP the server sends), `lang`, every field labelled, no secret in it.
 */
export async function inspectPage(page: Page, name: string, secrets: Secrets) {
  // Read before the screenshots, which add a style of their own for a moment (to hide the caret).
  const html = await page.content();
  // No inline script or style anywhere: the pages work under a CSP without 'unsafe-inline'.
  expect(html, name).not.toMatch(/<script|\sstyle=|<style/i);
  const shots = await screenshotPage(page, `people-${name}`);
  expect(shots.overflow, name).toEqual({ phone: 0, desktop: 0 });
  expect(await page.evaluate('getComputedStyle(document.body).backgroundColor'), name).toBe(
    'rgb(244, 246, 249)',
  );
  expect(await page.getAttribute('html', 'lang'), name).toBe('en');
  expect(await page.locator('h1').count(), name).toBe(1);
  expect(await unlabelledFields(page), name).toEqual([]);
  expect(await leakedSecrets(page, secrets.list), name).toEqual([]);
}

/**
 * `watchPage` for our pages only: the stand-ins' own pages (iDenfy's, Stripe's) are on other origins and
 * not ours to judge (they have no icon, say), so their console errors are left out.
 */
export function watchOurPages(page: Page, ourUrl: string) {
  const watch = watchPage(page);
  const foreign: string[] = [];
  page.on('console', (message) => {
    const at = message.location().url;
    if (message.type() === 'error' && at !== '' && new URL(at).origin !== new URL(ourUrl).origin)
      foreign.push(`console: ${message.text()}`);
  });
  return {
    problems(): string[] {
      const left = [...foreign];
      return watch.problems().filter((problem) => {
        const i = left.indexOf(problem);
        if (i === -1) return true;
        left.splice(i, 1);
        return false;
      });
    },
  };
}

/**
 * Keeps a page that reloads itself (a meta refresh) still while a test looks at it: its next navigations
 * to `pattern` are cancelled (as a person pressing Esc would) until the returned function is called.
 */
export async function holdNavigations(page: Page, pattern: string | RegExp): Promise<() => Promise<void>> {
  const cancel = async (route: import('playwright-core').Route) => {
    if (route.request().isNavigationRequest()) await route.abort('aborted');
    else await route.continue();
  };
  await page.route(pattern, cancel);
  return () => page.unroute(pattern, cancel);
}
