import type { AppError } from '../http/errors';
import { Layout } from './layout';

const TITLES: Partial<Record<number, string>> = {
  400: 'That did not work',
  401: 'Please sign in',
  403: 'Not allowed',
  404: 'Page not found',
  409: 'That did not work',
  413: 'That was too much',
  415: 'That did not work',
  429: 'Too many tries',
};

/** Any refusal or failure, for a browser: what happened in a sentence, and a way on. Never a stack trace. */
export function ErrorPage(props: { error: AppError; email: string | undefined }) {
  const { error } = props;
  const title = TITLES[error.status] ?? (error.status >= 500 ? 'Something went wrong' : 'That did not work');
  return (
    <Layout title={title} email={props.email}>
      <div class="notice error" data-code={error.code}>
        <p>{error.message}</p>
      </div>
      {error.status === 503 || error.status === 429 ? <p>Please wait a little and try again.</p> : null}
      <p class="actions">
        <a class="button" href="/">
          {error.code === 'unauthenticated' ? 'Sign in' : 'Go to the start page'}
        </a>
      </p>
    </Layout>
  );
}

/** A friendly 404 for browsers (API clients get the JSON `not_found`). */
export function NotFoundPage(props: { email: string | undefined }) {
  return (
    <Layout title="Page not found" email={props.email}>
      <div class="notice info" data-code="not_found">
        <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      </div>
      <p class="actions">
        <a class="button" href="/">
          Go to the start page
        </a>
      </p>
    </Layout>
  );
}
