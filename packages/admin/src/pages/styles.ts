/**
 * The admin view's one stylesheet, served at /assets/admin.css (the CSP allows styles from 'self' only,
 * no inline styles). Phone first: tables turn into one card per row below 44rem.
 */
export const ADMIN_CSS = `
:root {
  --ink: #1c2430; --muted: #556070; --line: #d8dde5; --page: #f5f7fa; --card: #fff;
  --accent: #1f5fbf; --accent-ink: #fff; --danger: #a3261b; --danger-bg: #fbeceb;
  --ok: #1d6b3a; --ok-bg: #e6f4ea; --warn: #7a4d00; --warn-bg: #fdf1d8; --info-bg: #e8f0fc;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--page); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
}
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible {
  outline: 3px solid #f0b400; outline-offset: 2px;
}
.skip { position: absolute; left: -999px; top: 0; background: var(--card); padding: .5rem 1rem; }
.skip:focus { left: .5rem; z-index: 10; }
header.top { background: var(--ink); color: #fff; }
header.top .bar {
  max-width: 72rem; margin: 0 auto; padding: .6rem 1rem;
  display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1rem;
}
header.top .brand { font-weight: 700; color: #fff; text-decoration: none; margin-right: auto; }
header.top nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem; margin: 0; padding: 0; }
header.top nav a {
  color: #fff; text-decoration: none; padding: .35rem .6rem; border-radius: .3rem; display: inline-block;
}
header.top nav a:hover { background: rgba(255,255,255,.12); }
header.top nav a[aria-current="page"] { background: #fff; color: var(--ink); }
header.top .who { display: flex; align-items: center; gap: .5rem; font-size: .9rem; flex-wrap: wrap; }
header.top .who form { margin: 0; }
header.top .who button { background: transparent; color: #fff; border: 1px solid rgba(255,255,255,.6); }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
main.narrow { max-width: 28rem; padding-top: 2.5rem; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; line-height: 1.25; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
p.lead { color: var(--muted); margin-top: -.5rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; }
.card > :first-child { margin-top: 0; }
.card > :last-child { margin-bottom: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
form.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; margin-bottom: 1rem; }
form.filters .field { display: flex; flex-direction: column; gap: .2rem; flex: 1 1 12rem; }
label { font-weight: 600; font-size: .9rem; }
input, select {
  font: inherit; padding: .45rem .6rem; border: 1px solid #8c96a5; border-radius: .3rem;
  background: #fff; color: var(--ink); min-height: 2.6rem; width: 100%;
}
button, a.button {
  font: inherit; font-weight: 600; padding: .5rem 1rem; border-radius: .3rem; min-height: 2.6rem;
  border: 1px solid var(--accent); background: var(--accent); color: var(--accent-ink);
  cursor: pointer; text-decoration: none; display: inline-flex; align-items: center; justify-content: center;
}
button.secondary, a.button.secondary { background: #fff; color: var(--accent); }
button.danger, a.button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: 1rem; }
form.stack { display: flex; flex-direction: column; gap: .75rem; }
.notice { border-radius: .4rem; padding: .75rem 1rem; margin: 0 0 1rem; border: 1px solid; }
.notice.ok { background: var(--ok-bg); border-color: #9fd0b0; color: var(--ok); }
.notice.error { background: var(--danger-bg); border-color: #e6b0ab; color: var(--danger); }
.notice.info { background: var(--info-bg); border-color: #b5c9ee; color: var(--ink); }
.notice.warn { background: var(--warn-bg); border-color: #ecd08f; color: var(--warn); }
.badge {
  display: inline-block; padding: .05rem .5rem; border-radius: 1rem; font-size: .85rem; font-weight: 600;
  border: 1px solid var(--line); background: #eef1f5; color: var(--ink); white-space: nowrap;
}
.badge.completed, .badge.paid, .badge.succeeded { background: var(--ok-bg); border-color: #9fd0b0; color: var(--ok); }
.badge.failed, .badge.expired, .badge.flagged { background: var(--danger-bg); border-color: #e6b0ab; color: var(--danger); }
.badge.in_progress, .badge.pending, .badge.review { background: var(--warn-bg); border-color: #ecd08f; color: var(--warn); }
.tags { display: flex; flex-wrap: wrap; gap: .25rem; }
.balances { display: flex; flex-direction: column; }
td.num { white-space: nowrap; }
.muted { color: var(--muted); }
table { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line); }
caption { text-align: left; font-weight: 600; padding: .5rem 0; }
th, td { text-align: left; padding: .55rem .7rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef1f5; font-size: .85rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
td.num, th.num { text-align: right; }
td .email { font-weight: 600; overflow-wrap: anywhere; }
.empty { padding: 1.5rem; text-align: center; color: var(--muted); background: var(--card); border: 1px dashed var(--line); border-radius: .5rem; }
nav.pager { display: flex; gap: .75rem; justify-content: space-between; margin-top: 1rem; flex-wrap: wrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; word-break: break-word; }
code { font-size: .9em; background: #eef1f5; padding: .05rem .3rem; border-radius: .2rem; word-break: break-all; }
@media (max-width: 44rem) {
  table, thead, tbody, tr, th, td { display: block; }
  table { border: 0; background: transparent; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  tr { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; margin-bottom: .75rem; padding: .25rem 0; }
  td { border: 0; padding: .3rem .8rem; display: grid; grid-template-columns: 7.5rem 1fr; gap: .5rem; }
  td::before { content: attr(data-label); color: var(--muted); font-size: .85rem; font-weight: 600; }
  td > * { justify-self: start; }
  td.num { text-align: left; }
  dl.facts { grid-template-columns: 1fr; gap: 0 0; }
  dl.facts dd { margin-bottom: .5rem; }
  h1 { font-size: 1.3rem; }
}
`;

/** A small icon so browsers find one (and do not log a 404 for /favicon.ico). */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1c2430"/><path d="M9 23V9h3v5.5h8V9h3v14h-3v-5.5h-8V23z" fill="#fff"/></svg>`;
