import { createApp } from '../../src/app';
import { AppClient, lastLoggedCode } from './app-client';
import type { TestStack } from './stack';

/** The stack's app, driven through `app.request()` (webhooks still reach the stack's own server). */
export function pagesApp(stack: TestStack) {
  return createApp(stack.deps);
}

/** Signs a person in the way the pages do: the email form, then the code form. */
export async function signInByPage(stack: TestStack, app: ReturnType<typeof createApp>, email: string) {
  const person = new AppClient(app);
  const asked = await person.submit('/login/challenge', { email });
  if (asked.status !== 303) throw new Error(`challenge answered ${asked.status}: ${asked.text}`);
  const code = lastLoggedCode(stack.logger.lines);
  const verified = await person.submit('/login/verify', { code });
  if (verified.status !== 303) throw new Error(`verify answered ${verified.status}: ${verified.text}`);
  const user = await stack.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return { person, user, code };
}

/** No inline script or style: the pages work under a CSP without 'unsafe-inline'. */
export const INLINE_SCRIPT_OR_STYLE = /<script|\sstyle=|<style/i;

/** The meta refresh of a page, or undefined. */
export function metaRefresh(html: string): string | undefined {
  return /<meta http-equiv="refresh" content="([^"]*)"/.exec(html)?.[1];
}
