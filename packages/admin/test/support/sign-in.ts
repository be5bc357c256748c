import { BrowserLike } from './browser-like';
import type { AdminStack } from './stack';

/** Signs in through the admin's own pages with the code the (dev-mode) server logged. */
export async function adminSignIn(stack: AdminStack, email: string) {
  const browser = new BrowserLike(stack.app, stack.url);
  const asked = await browser.post('/login', { email });
  if (asked.status !== 303)
    throw new Error(`POST /login answered ${asked.status}: ${/data-code="([^"]+)"/.exec(asked.html)?.[1]}`);
  const code = stack.lastCode();
  const done = await browser.post('/login/code', { code });
  return { browser, done, code };
}
