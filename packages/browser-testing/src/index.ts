/**
 * `@hero-onboarding/browser-testing`: real headless Chromium for tests (Debian's `chromium` driven by
 * `playwright-core`), screenshots at phone and desktop width, and a watch for broken pages.
 *
 * @example
 * const browser = await launchBrowser();
 * const page = await browser.newPage();
 * const watch = watchPage(page);
 * await page.goto(url);
 * await screenshotPage(page, 'admin-kyc');      // .tmp/screenshots/admin-kyc.phone.png, .desktop.png
 * expect(watch.problems()).toEqual([]);
 * await browser.close();
 */
export { type Browser, CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser } from './chromium';
export { leakedSecrets, unlabelledFields, watchPage } from './page-problems';
export { SCREEN_WIDTHS, SCREENSHOT_DIR, type Screenshots, screenshotPage } from './screenshots';
