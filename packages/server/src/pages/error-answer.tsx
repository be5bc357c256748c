import type { Context } from 'hono';
import type { AppEnv } from '../context';
import type { AppError } from '../http/errors';
import { ErrorPage, NotFoundPage } from './errors';
import { renderPage, signedInEmail } from './render';

/** An error for a browser: the page saying what happened, with the error's status and headers. */
export function renderErrorPage(c: Context<AppEnv>, error: AppError) {
  return renderPage(c, <ErrorPage error={error} email={signedInEmail(c)} />, error.status);
}

/** No route at this address, for a browser: the friendly 404. */
export function renderNotFound(c: Context<AppEnv>) {
  return renderPage(c, <NotFoundPage email={signedInEmail(c)} />, 404);
}
