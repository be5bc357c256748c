import { describedBy, FieldError, type FormError } from './fields';
import { Layout } from './layout';
import { ErrorSummary, Notice } from './parts';

const fieldMessage = (error: FormError | undefined, field: string) =>
  error?.field === field ? error.message : undefined;

/** `/` for someone signed out: the email form, and what happens next. */
export function SignInPage(props: { email?: string | undefined; error?: FormError | undefined }) {
  const { error } = props;
  const emailError = fieldMessage(error, 'email');
  return (
    <Layout title="Sign in" hasError={error !== undefined}>
      <p class="lead">Verify your identity once, then add money to your balance by card or mobile money.</p>
      <ErrorSummary error={error} />
      <section class="card">
        <form class="stack" method="post" action="/login/challenge">
          <div class="field">
            <label for="email">Email address</label>
            <p class="hint" id="email-hint">
              We send a six-digit code to this address. No password needed.
            </p>
            <FieldError id="email-error" message={emailError} />
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="email"
              spellcheck={false}
              required
              value={props.email ?? ''}
              {...describedBy('email-hint', 'email-error', emailError)}
            />
          </div>
          <p>
            <button type="submit">Send me a code</button>
          </p>
        </form>
      </section>
      <section class="card" aria-labelledby="how">
        <h2 id="how">How it works</h2>
        <ol class="steps">
          <li>Sign in with the code we email you.</li>
          <li>Verify your identity with iDenfy: a photo of your ID document and of your face.</li>
          <li>Add money to your balance by card (Stripe) or mobile money (ClickPesa).</li>
        </ol>
      </section>
    </Layout>
  );
}

/**
 * `/login/code`: the six-digit code for the address just given. The code itself is never on the page;
 * in dev mode (no mail is sent) the page says where it is: the server's log.
 */
export function CodePage(props: {
  email: string;
  devLog: boolean;
  validMinutes: number;
  error?: FormError | undefined;
}) {
  const { error } = props;
  const codeError = fieldMessage(error, 'code');
  return (
    <Layout title="Enter your code" hasError={error !== undefined}>
      {props.devLog ? (
        <Notice kind="warn">
          <p>
            <strong>Dev mode:</strong> no email is sent. The code is in the server's log, on the line “DEV
            MODE sign-in code”.
          </p>
        </Notice>
      ) : null}
      <ErrorSummary error={error} />
      <section class="card">
        <p>
          {props.devLog ? 'A code for ' : 'We sent a code to '}
          <strong>{props.email}</strong>
          {props.devLog ? ' is waiting in the log.' : '.'} It works for {props.validMinutes} minutes, once.
        </p>
        <form class="stack" method="post" action="/login/verify">
          <div class="field">
            <label for="code">Six-digit code</label>
            <FieldError id="code-error" message={codeError} />
            <input
              id="code"
              name="code"
              class="short"
              type="text"
              inputmode="numeric"
              autocomplete="one-time-code"
              pattern="[0-9]{6}"
              maxlength={6}
              required
              {...describedBy(undefined, 'code-error', codeError)}
            />
          </div>
          <p>
            <button type="submit">Sign in</button>
          </p>
        </form>
      </section>
      <section class="card" aria-labelledby="no-code">
        <h2 id="no-code">No code?</h2>
        <p>
          {props.devLog
            ? 'Each new code is a new line in the log; only the newest one works.'
            : 'A code can take a minute to arrive; look in your spam folder too.'}
        </p>
        <form class="actions" method="post" action="/login/challenge">
          <input type="hidden" name="email" value={props.email} />
          <button class="secondary" type="submit">
            Send a new code
          </button>
          <a href="/">Use another email address</a>
        </form>
      </section>
    </Layout>
  );
}
