import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../context';

/** Anything a page component returns (a JSX element; its `toString()` is the escaped markup). */
export interface Renderable {
  toString(): string | Promise<string>;
}

/**
 * Answers with a whole page: the doctype (JSX has none, and without it browsers fall back to quirks
 * mode), then the markup. Pages show personal data (an email, balances), so none is cached.
 */
export async function renderPage(c: Context<AppEnv>, page: Renderable, status: ContentfulStatusCode = 200) {
  c.header('Cache-Control', 'no-store');
  return c.html(`<!doctype html>${await page.toString()}`, status);
}

/** The signed-in person's email for the page header, or undefined (anonymous, a bearer token). */
export function signedInEmail(c: Context<AppEnv>): string | undefined {
  const viewer = c.get('viewer');
  return viewer?.kind === 'user' ? viewer.user.email : undefined;
}
