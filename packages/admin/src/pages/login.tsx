import { Layout } from './layout';
import { Notice } from './parts';

export function EmailPage(props: { email?: string; error?: string; ended?: boolean; next?: string }) {
  return (
    <Layout title="Admin sign-in" narrow>
      {props.ended ? <Notice kind="info">Your session ended. Sign in again.</Notice> : null}
      {props.error === undefined ? null : <Notice kind="error">{props.error}</Notice>}
      <form class="card stack" method="post" action="/login">
        <p>We send a six-digit code to your address. Only administrators can sign in here.</p>
        <label for="email">Email address</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          value={props.email ?? ''}
        />
        {props.next === undefined ? null : <input type="hidden" name="next" value={props.next} />}
        <button type="submit">Send me a code</button>
      </form>
    </Layout>
  );
}

export function CodePage(props: { email: string; devLog: boolean; error?: string }) {
  return (
    <Layout title="Enter your code" narrow>
      {props.error === undefined ? null : <Notice kind="error">{props.error}</Notice>}
      {props.devLog ? (
        <Notice kind="warn">
          Dev mode: no email is sent. The code is in the server's log (the terminal running hero-onboarding
          serve).
        </Notice>
      ) : null}
      <form class="card stack" method="post" action="/login/code">
        {props.devLog ? (
          <p>
            Sign-in code for <strong>{props.email}</strong>.
          </p>
        ) : (
          <p>
            We sent a code to <strong>{props.email}</strong>.
          </p>
        )}
        <label for="code">Six-digit code</label>
        <input
          id="code"
          name="code"
          type="text"
          inputmode="numeric"
          autocomplete="one-time-code"
          pattern="[0-9]{6}"
          maxlength={6}
          required
        />
        <button type="submit">Sign in</button>
      </form>
      <p>
        <a href="/login">Use another address</a>
      </p>
    </Layout>
  );
}
