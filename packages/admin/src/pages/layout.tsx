import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { SignedInAdmin } from '../context';

export type Section = 'review' | 'kyc' | 'users' | 'top-ups';

const NAV: { section: Section; href: string; label: string }[] = [
  { section: 'review', href: '/kyc/review', label: 'Review queue' },
  { section: 'kyc', href: '/kyc', label: 'KYC sessions' },
  { section: 'users', href: '/users', label: 'Users' },
  { section: 'top-ups', href: '/top-ups', label: 'Top-ups' },
];

/** Every admin page: one stylesheet, no script, a skip link, the nav and who is signed in. */
export function Layout(props: {
  title: string;
  admin?: SignedInAdmin | undefined;
  section?: Section;
  narrow?: boolean;
  children?: Child;
}) {
  // JSX has no doctype, and without one browsers render in quirks mode.
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${props.title} · hero-onboarding admin`}</title>
          <link rel="stylesheet" href="/assets/admin.css" />
          <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        </head>
        <body>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="top">
            <div class="bar">
              <a class="brand" href={props.admin === undefined ? '/login' : '/kyc/review'}>
                hero-onboarding admin
              </a>
              {props.admin === undefined ? null : (
                <>
                  <nav aria-label="Admin sections">
                    <ul>
                      {NAV.map((item) => (
                        <li>
                          <a
                            href={item.href}
                            aria-current={item.section === props.section ? 'page' : undefined}
                          >
                            {item.label}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </nav>
                  <div class="who">
                    <span>{props.admin.email}</span>
                    <form method="post" action="/logout">
                      <input type="hidden" name="_csrf" value={props.admin.csrfToken} />
                      <button type="submit">Sign out</button>
                    </form>
                  </div>
                </>
              )}
            </div>
          </header>
          <main id="main" class={props.narrow ? 'narrow' : undefined}>
            <h1>{props.title}</h1>
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}
