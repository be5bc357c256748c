import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** A self-contained page: inline styles, no scripts, no external assets. */
export function layout(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}
form{margin:.75rem 0;padding:.75rem;border:1px solid #ccc;border-radius:6px}button{font-size:1rem}
.amount{font-size:1.5rem;font-weight:600}.note{color:#555}</style>
</head>
<body>${body}</body>
</html>`;
}

export function messagePage(title: string, message: string): Html {
  return layout(title, html`<h1>${title}</h1><p>${message}</p>`);
}
