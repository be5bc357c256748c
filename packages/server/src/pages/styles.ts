/**
 * The pages' one stylesheet, served at /assets/site.css: a served file, so a Content-Security-Policy
 * needs no inline style (`style-src 'self'`). Phone first (375 px), wider from 40rem. Colours keep text at
 * 4.5:1 or more against its background, and the focus ring (dark outline over a yellow halo) shows on
 * light and dark parts alike.
 */
export const SITE_CSS = `
:root {
  --ink: #17202c; --muted: #4f5b6b; --line: #d5dbe3; --page: #f4f6f9; --card: #fff;
  --accent: #1c58b5; --accent-dark: #133f84; --accent-ink: #fff;
  --ok: #17623a; --ok-bg: #e5f3ea; --warn: #6f4700; --warn-bg: #fcf0d6;
  --bad: #9f2419; --bad-bg: #fbeae8; --info-bg: #e7effb;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; min-height: 100vh; display: flex; flex-direction: column;
  background: var(--page); color: var(--ink);
  font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
}
a { color: var(--accent); text-underline-offset: .15em; }
a:hover { color: var(--accent-dark); }
:focus-visible { outline: 3px solid var(--ink); outline-offset: 2px; box-shadow: 0 0 0 6px #ffd23f; }
.skip { position: absolute; left: -999px; top: .5rem; background: var(--card); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; }
header.site { background: var(--ink); color: #fff; }
header.site .bar, main, footer.site .bar { width: 100%; max-width: 44rem; margin: 0 auto; padding-left: 1rem; padding-right: 1rem; }
header.site .bar { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding-top: .7rem; padding-bottom: .7rem; }
header.site .brand { color: #fff; font-weight: 700; text-decoration: none; margin-right: auto; letter-spacing: .01em; }
header.site .who { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem .75rem; font-size: .9rem; min-width: 0; }
header.site .who span { overflow-wrap: anywhere; }
header.site .who form { margin: 0; }
header.site .who button { min-height: 2.25rem; padding: .25rem .75rem; background: transparent; border-color: #c9d2de; color: #fff; font-size: .9rem; }
header.site .who button:hover { background: rgba(255, 255, 255, .12); }
main { flex: 1; padding-top: 1.5rem; padding-bottom: 2.5rem; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
footer.site .bar { padding-top: .9rem; padding-bottom: .9rem; }
footer.site p { margin: 0; }
h1 { font-size: 1.65rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; line-height: 1.3; margin: 0 0 .6rem; }
p { margin: 0 0 .8rem; }
.lead { font-size: 1.05rem; color: var(--muted); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: .6rem; padding: 1.1rem 1rem; margin: 0 0 1.1rem; }
.card > :last-child { margin-bottom: 0; }
ol.steps { margin: 0 0 1rem; padding-left: 1.3rem; color: var(--muted); }
ol.steps li { margin-bottom: .25rem; }
form { margin: 0; }
form.stack { display: flex; flex-direction: column; gap: .9rem; }
.field { display: flex; flex-direction: column; gap: .3rem; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
legend { font-weight: 600; padding: 0; margin-bottom: .3rem; }
label, .label { font-weight: 600; }
.hint { color: var(--muted); font-size: .92rem; margin: 0; }
.field-error { color: var(--bad); font-weight: 600; margin: 0; }
input[type=email], input[type=text], select {
  font: inherit; width: 100%; min-height: 2.9rem; padding: .5rem .7rem; color: var(--ink);
  background: #fff; border: 2px solid #6b7686; border-radius: .35rem;
}
input[aria-invalid=true], select[aria-invalid=true] { border-color: var(--bad); }
.short { max-width: 12rem; }
.choice { display: flex; align-items: center; gap: .6rem; padding: .35rem 0; font-weight: 400; }
.choice input { width: 1.35rem; height: 1.35rem; margin: 0; accent-color: var(--accent); flex: none; }
.choice small { color: var(--muted); font-size: .9rem; }
button, a.button {
  font: inherit; font-weight: 600; display: inline-flex; align-items: center; justify-content: center;
  min-height: 2.9rem; padding: .5rem 1.2rem; border-radius: .35rem; cursor: pointer; text-decoration: none;
  border: 2px solid var(--accent); background: var(--accent); color: var(--accent-ink);
}
button:hover, a.button:hover { background: var(--accent-dark); border-color: var(--accent-dark); color: var(--accent-ink); }
button.secondary, a.button.secondary { background: #fff; color: var(--accent); }
button.secondary:hover, a.button.secondary:hover { background: var(--info-bg); color: var(--accent-dark); }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: 1rem 0 0; }
.actions form { display: inline; }
.notice { border: 1px solid; border-left-width: .4rem; border-radius: .4rem; padding: .75rem 1rem; margin: 0 0 1.1rem; }
.notice > :last-child { margin-bottom: 0; }
.notice h2 { font-size: 1.05rem; margin-bottom: .3rem; }
.notice.info { background: var(--info-bg); border-color: #9db8e4; }
.notice.ok { background: var(--ok-bg); border-color: #8cc4a2; color: var(--ok); }
.notice.warn { background: var(--warn-bg); border-color: #dfb760; color: var(--warn); }
.notice.error { background: var(--bad-bg); border-color: #dc9a93; color: var(--bad); }
.notice.error a { color: var(--bad); }
.badge {
  display: inline-block; padding: .05rem .6rem; border-radius: 1rem; border: 1px solid var(--line);
  background: #edf0f4; font-size: .9rem; font-weight: 600; white-space: nowrap; vertical-align: .1em;
}
.badge.good { background: var(--ok-bg); border-color: #8cc4a2; color: var(--ok); }
.badge.waiting { background: var(--warn-bg); border-color: #dfb760; color: var(--warn); }
.badge.bad { background: var(--bad-bg); border-color: #dc9a93; color: var(--bad); }
.status-line { display: flex; flex-wrap: wrap; gap: .4rem .75rem; align-items: baseline; margin-bottom: .6rem; }
ul.balances { list-style: none; margin: 0; padding: 0; }
ul.balances li { display: flex; justify-content: space-between; gap: 1rem; padding: .45rem 0; border-bottom: 1px solid var(--line); }
ul.balances li:last-child { border-bottom: 0; }
ul.balances .amount { font-weight: 700; font-variant-numeric: tabular-nums; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0 0 .8rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.refreshing { font-size: .92rem; color: var(--muted); }
@media (min-width: 40rem) {
  h1 { font-size: 2rem; }
  main { padding-top: 2.25rem; }
  .card { padding: 1.4rem 1.5rem; }
}
`;
