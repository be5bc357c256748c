import { createHash } from 'node:crypto';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}' +
  '.status{font-weight:600}.error{color:#a00}button,a.button{font:inherit;padding:.4rem .9rem}';

/** The CSP source that allows exactly the page's one inline stylesheet and nothing else. */
export const PAGE_STYLE_HASH = `sha256-${createHash('sha256').update(STYLE).digest('base64')}`;

/** A minimal page shell; every interpolated value is escaped by hono's `html` tag. */
export function page(title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · hero-onboarding</title>
    <style>${raw(STYLE)}</style>
  </head>
  <body>
    <h1>${title}</h1>
    ${body}
  </body>
</html>`;
}
