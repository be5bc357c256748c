import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { SessionRecord } from './store';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export const FINISH_PATH = '/ui/finish';
export const FINAL_CHOICES = ['APPROVED', 'DENIED', 'SUSPECTED'] as const;

function layout(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}
form{margin:.75rem 0;padding:.75rem;border:1px solid #ccc;border-radius:6px}button{font-size:1rem}</style>
</head>
<body>${body}</body>
</html>`;
}

function outcomeForm(authToken: string, overall: string, label: string, extra: Html | '' = ''): Html {
  return html`<form method="post" action="${FINISH_PATH}" data-outcome="${overall}">
<input type="hidden" name="authToken" value="${authToken}">
<input type="hidden" name="overall" value="${overall}">
${extra}<button type="submit">${label}</button>
</form>`;
}

/** The stand-in for iDenfy's verification UI: one form per outcome. */
export function verificationPage(session: SessionRecord): Html {
  const token = session.authToken;
  const choose = html`<label>Final result
<select name="finalResult">${FINAL_CHOICES.map((choice) => html`<option value="${choice}">${choice}</option>`)}</select>
</label> `;
  return layout(
    'iDenfy simulator — verify your identity',
    html`<h1>iDenfy simulator</h1>
<p>This page stands in for iDenfy's verification UI. Pick the result iDenfy should report for
verification <code>${session.scanRef}</code>; a signed webhook goes to the callback URL, then you are
sent back.</p>
${outcomeForm(token, 'APPROVED', 'Approve')}
${outcomeForm(token, 'DENIED', 'Deny')}
${outcomeForm(token, 'SUSPECTED', 'Suspect (checks pass, tags raised)')}
${outcomeForm(token, 'REVIEWING', 'Send REVIEWING (not final), then the final result', choose)}
${outcomeForm(token, 'EXPIRED', 'Let the session expire')}`,
  );
}

export function messagePage(title: string, message: string): Html {
  return layout(title, html`<h1>${title}</h1><p>${message}</p>`);
}
