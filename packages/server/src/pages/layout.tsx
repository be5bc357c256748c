import type { Child } from 'hono/jsx';
import { STYLESHEET_HREF } from './assets';

export interface LayoutProps {
  readonly title: string;
  /** The signed-in person (shown with a sign-out button), or nobody. */
  readonly email?: string | undefined;
  /** A form on the page was refused: the tab's title says so first, as screen readers announce it. */
  readonly hasError?: boolean;
  /** Reload (or go on to `url`) after this many seconds: a meta refresh, which needs no script. */
  readonly refresh?: { readonly seconds: number; readonly url?: string } | undefined;
  readonly children?: Child;
}

/** Every page: one served stylesheet, no script, a skip link, the header, one h1, the footer. */
export function Layout(props: LayoutProps) {
  const { refresh } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        {refresh === undefined ? null : (
          <meta
            http-equiv="refresh"
            content={
              refresh.url === undefined ? `${refresh.seconds}` : `${refresh.seconds};url=${refresh.url}`
            }
          />
        )}
        <title>{`${props.hasError ? 'Error: ' : ''}${props.title} · hero-onboarding`}</title>
        <link rel="stylesheet" href={STYLESHEET_HREF} />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <div class="bar">
            <a class="brand" href="/">
              hero-onboarding
            </a>
            {props.email === undefined ? null : (
              <div class="who">
                <span>{props.email}</span>
                <form method="post" action="/logout">
                  <button type="submit">Sign out</button>
                </form>
              </div>
            )}
          </div>
        </header>
        <main id="main">
          <h1>{props.title}</h1>
          {props.children}
        </main>
        <footer class="site">
          <div class="bar">
            <p>hero-onboarding: sign in, verify your identity, add money.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
