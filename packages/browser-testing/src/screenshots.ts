import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** `<repo>/.tmp/screenshots`: gitignored, kept after the run so a person can look at every page. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../.tmp/screenshots/', import.meta.url));

/** A phone (375 px, the narrowest we design for) and a desktop. */
export const SCREEN_WIDTHS = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 800 },
} as const;

export interface Screenshots {
  readonly phone: string;
  readonly desktop: string;
  /** How many CSS pixels the page is wider than the window at each width (0: nothing scrolls sideways). */
  readonly overflow: { readonly phone: number; readonly desktop: number };
}

/**
 * Full-page screenshots of the page as it is now, at phone and desktop width, written as
 * `<dir>/<name>.phone.png` and `<name>.desktop.png`, with the sideways overflow measured at each width.
 * The viewport is put back afterwards.
 */
export async function screenshotPage(
  page: Page,
  name: string,
  options: { dir?: string } = {},
): Promise<Screenshots> {
  const dir = options.dir ?? SCREENSHOT_DIR;
  await mkdir(dir, { recursive: true });
  const safe = name.replace(/[^a-z0-9._-]+/gi, '-');
  const before = page.viewportSize();
  const files = {
    phone: path.join(dir, `${safe}.phone.png`),
    desktop: path.join(dir, `${safe}.desktop.png`),
  };
  const overflow = { phone: 0, desktop: 0 };
  for (const [kind, size] of Object.entries(SCREEN_WIDTHS) as [
    keyof typeof SCREEN_WIDTHS,
    { width: number; height: number },
  ][]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: files[kind], fullPage: true });
    // A string runs in the page: this package is type-checked without the DOM library.
    overflow[kind] = Number(
      await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
    );
  }
  if (before !== null) await page.setViewportSize(before);
  return { ...files, overflow };
}
