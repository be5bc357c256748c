import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AdminEnv } from '../context';
import { Layout } from '../pages/layout';
import { Notice } from '../pages/parts';
import { ServerApiError } from '../server-api';
import { AdminError } from './errors';

/** The one place an error becomes a page: a status, a sentence, a way on; never a stack or a secret. */
export function errorPage(error: Error, c: Context<AdminEnv>) {
  const { status, code, message } = classify(error, c);
  const admin = c.get('admin');
  return c.html(
    <Layout title={TITLES[status] ?? 'Something went wrong'} admin={admin}>
      <Notice kind="error">
        <span data-code={code}>{message}</span>
      </Notice>
      <p>
        <a href={admin === undefined ? '/login' : '/kyc/review'}>
          {admin === undefined ? 'Sign in' : 'Back to the review queue'}
        </a>
      </p>
    </Layout>,
    status,
  );
}

const TITLES: Partial<Record<number, string>> = {
  400: 'That did not work',
  403: 'Not allowed',
  404: 'Not found',
  429: 'Too many tries',
  502: 'The server refused',
  503: 'The server did not answer',
};

function classify(
  error: Error,
  c: Context<AdminEnv>,
): { status: ContentfulStatusCode; code: string; message: string } {
  if (error instanceof AdminError) return error;
  if (error instanceof ServerApiError) {
    if (
      error.status === 400 ||
      error.status === 404 ||
      error.status === 409 ||
      error.status === 429 ||
      error.status === 503
    )
      return { status: error.status, code: error.code, message: error.message };
    c.get('deps').logger.error('admin view: the server refused a call', {
      status: error.status,
      error_code: error.code,
    });
    return {
      status: 502,
      code: error.code,
      message:
        error.status === 401 || error.status === 403
          ? 'The onboarding server refused the admin view (check that ADMIN_API_TOKEN is the same on both).'
          : 'The onboarding server could not answer this request.',
    };
  }
  if (error instanceof HTTPException && error.status >= 400 && error.status < 500)
    return {
      status: error.status as ContentfulStatusCode,
      code: error.status === 403 ? 'cross_site_request' : 'invalid_request',
      message:
        error.status === 403
          ? 'This form was not sent from an admin page.'
          : 'The request was not understood.',
    };
  c.get('deps').logger.error('admin view: unhandled error', {
    path: c.req.path,
    error: { name: error.name, message: error.message },
  });
  return { status: 500, code: 'internal', message: 'Something went wrong in the admin view.' };
}
