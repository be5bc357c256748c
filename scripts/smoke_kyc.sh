#!/usr/bin/env bash
# The acceptance smoke test, over HTTP only, against a server it starts itself from this checkout (as
# `npm start` runs it) on a fresh embedded database in a temp folder and free ports, in dev mode: the
# iDenfy simulator and the Stripe stand-in run inside the server. It walks the product's promise: no
# top-up before KYC; KYC through a signed iDenfy callback; then a top-up through Stripe Checkout whose
# webhook, delivered twice, credits the balance once. One line per step, GREEN at the end; the first
# failure stops it (non-zero exit, the server's log tail on stderr). Everything it started is stopped.
# Usage: scripts/smoke_kyc.sh   (needs node, npm install done, and curl)
set -euo pipefail
cd "$(dirname "$0")/.."

WORK="$(mktemp -d "${TMPDIR:-/tmp}/hero-smoke.XXXXXX")"
chmod 755 "$WORK" # as root, embedded PostgreSQL runs as an unprivileged user that must reach its data dir
SERVER_PID=""
stop_all() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})'; }
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let v;try{v=process.argv[1].split(".").reduce((o,k)=>o?.[k],JSON.parse(s))}catch{}process.stdout.write(v===undefined||v===null?"":typeof v==="object"?JSON.stringify(v):String(v))})' "$1"; }

STEPS=10
n=0
step() { n=$((n + 1)); printf '%2d/%d %-62s ' "$n" "$STEPS" "$*"; }
ok() { printf 'ok%s\n' "${1:+ ($1)}"; }
fail() {
  printf 'FAILED: %s\n' "$*"
  if [[ -f "$WORK/server.log" ]]; then
    echo "---- server log (last 30 lines) ----" >&2
    tail -n 30 "$WORK/server.log" >&2
  fi
  exit 1
}

PORT="$(free_port)"
PG_PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
ADMIN_TOKEN="$(node -e 'process.stdout.write(require("crypto").randomBytes(24).toString("hex"))')"
EMAIL="smoke-$(date +%s)-$$@example.com"
JAR="$WORK/cookies"
AMOUNT=2500
CURL=(curl -sS --max-time 30)

step "the server starts on a fresh database (dev mode, stand-ins)"
env -u DATABASE_URL -u STRIPE_SECRET_KEY -u STRIPE_API_URL -u IDENFY_API_KEY -u IDENFY_API_URL -u KYC_DEMO_MODE \
  NODE_ENV=development ONBOARDING_DEV_MODE=true IDENFY_DEV_MODE=true \
  HOST=127.0.0.1 PORT="$PORT" PUBLIC_URL="$BASE" \
  EMBEDDED_PG_PORT="$PG_PORT" EMBEDDED_PG_DATA_DIR="$WORK/postgres" \
  ADMIN_API_TOKEN="$ADMIN_TOKEN" TOPUP_CURRENCIES=USD LOG_LEVEL=warn \
  node --import tsx packages/server/src/main.ts >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do
  kill -0 "$SERVER_PID" 2>/dev/null || fail "the server exited while starting"
  [[ "$("${CURL[@]}" "$BASE/healthz" 2>/dev/null | json ok)" == "true" ]] && break
  sleep 0.1
done
[[ "$("${CURL[@]}" "$BASE/healthz" 2>/dev/null | json ok)" == "true" ]] || fail "no /healthz after 60 s"
grep -q 'Stripe is the local stand-in' "$WORK/server.log" || fail "the Stripe stand-in was not started"
ok "$BASE"

step "sign in with an emailed code (dev mode returns it)"
code="$("${CURL[@]}" -c "$JAR" -H 'content-type: application/json' -d "{\"email\":\"$EMAIL\"}" "$BASE/login/challenge" | json dev_code)"
[[ -n "$code" ]] || fail "no dev_code"
user_id="$("${CURL[@]}" -c "$JAR" -b "$JAR" -H 'content-type: application/json' -d "{\"email\":\"$EMAIL\",\"code\":\"$code\"}" "$BASE/login/verify" | json user.id)"
[[ -n "$user_id" ]] || fail "sign-in failed"
ok

step "payment intent before KYC is blocked (403, JSON and page)"
blocked="$("${CURL[@]}" -b "$JAR" -o "$WORK/blocked.json" -w '%{http_code}' -H "origin: $BASE" -H 'content-type: application/json' \
  -d "{\"amount\":$AMOUNT,\"currency\":\"USD\"}" "$BASE/payment/intent")"
code_field="$(json error.code <"$WORK/blocked.json")"
[[ "$blocked" == "403" && "$code_field" == "kyc_required" ]] || fail "got $blocked $code_field, expected 403 kyc_required"
page="$("${CURL[@]}" -b "$JAR" -H 'accept: text/html' -H "origin: $BASE" -d "amount=$AMOUNT&currency=USD" -w '\n%{http_code}' "$BASE/payment/intent")"
[[ "${page##*$'\n'}" == "403" && "$page" == *'href="/kyc/start"'* ]] || fail "the browser page does not link to /kyc/start"
ok

step "/kyc/start persists a KycSession and redirects to iDenfy"
location="$("${CURL[@]}" -b "$JAR" -o /dev/null -w '%{redirect_url}' "$BASE/kyc/start")"
[[ "$location" == *"/api/v2/redirect?authToken="* ]] || fail "no verification redirect (got '$location')"
session_id="$("${CURL[@]}" -b "$JAR" "$BASE/kyc/status" | json kyc.session_id)"
[[ -n "$session_id" ]] || fail "no KycSession"
ok "session $session_id"

step "a signed iDenfy callback (APPROVED) completes KYC"
sim="${location%%/api/v2/redirect*}"
token="${location##*authToken=}"
scan_ref="$("${CURL[@]}" "$sim/sim/sessions" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const t=decodeURIComponent(process.argv[1]);const all=JSON.parse(s);const list=Array.isArray(all)?all:all.sessions;process.stdout.write(list.find(x=>x.authToken===t)?.scanRef??"")})' "$token")"
[[ -n "$scan_ref" ]] || fail "the simulator does not know the token"
"${CURL[@]}" -f -H 'content-type: application/json' -d '{"overall":"APPROVED","final":true}' "$sim/sim/sessions/$scan_ref/complete" >/dev/null || fail "the simulator could not deliver"
status="$("${CURL[@]}" -b "$JAR" "$BASE/kyc/status" | json kyc.status)"
[[ "$status" == "completed" ]] || fail "User.kyc_status is '$status', expected completed"
ok

step "payment intent after KYC: 303 on to Stripe Checkout"
answer="$("${CURL[@]}" -b "$JAR" -o /dev/null -w '%{http_code} %{redirect_url}' -H 'accept: text/html' -H "origin: $BASE" \
  -d "amount=$AMOUNT&currency=usd" "$BASE/payment/intent")"
handover="${answer#* }"
[[ "${answer%% *}" == "303" && "$handover" == "$BASE/payment/checkout?top_up="* ]] || fail "got '$answer', expected a 303 to /payment/checkout"
# The page goes on by itself with a meta refresh (a form may only lead to our own pages under the CSP).
checkout="$("${CURL[@]}" -b "$JAR" -H 'accept: text/html' "$handover" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=/<meta http-equiv="refresh" content="0;url=([^"]+)"/.exec(s);process.stdout.write(m?m[1].replaceAll("&amp;","&"):"")})')"
[[ "$checkout" == http* ]] || fail "the hand-over page does not lead to a checkout"
stand_in="$(node -e 'process.stdout.write(new URL(process.argv[1]).origin)' "$checkout")"
session="$("${CURL[@]}" "$stand_in/_stand-in/sessions" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const x=JSON.parse(s).sessions.find(v=>v.url===process.argv[1]);process.stdout.write(x?`${x.id} ${x.amountTotal} ${x.clientReferenceId}`:"")})' "$checkout")"
read -r checkout_session checkout_amount top_up_id <<<"$session"
[[ "$checkout_amount" == "$AMOUNT" && -n "$top_up_id" ]] || fail "the Checkout Session is not for $AMOUNT (got '$session')"
[[ "$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$checkout")" == "200" ]] || fail "the hosted checkout page does not open"
ok "$checkout_session"

step "/admin/list-kyc-sessions: 401 anonymous, 403 user, 200 admin"
anon="$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$BASE/admin/list-kyc-sessions")"
user="$("${CURL[@]}" -b "$JAR" -o /dev/null -w '%{http_code}' "$BASE/admin/list-kyc-sessions")"
admin="$("${CURL[@]}" -o "$WORK/sessions.json" -w '%{http_code}' -H "authorization: Bearer $ADMIN_TOKEN" "$BASE/admin/list-kyc-sessions")"
[[ "$anon" == "401" && "$user" == "403" && "$admin" == "200" ]] || fail "anonymous $anon, user $user, admin $admin"
grep -q "$session_id" "$WORK/sessions.json" || fail "the admin list does not show the session"
ok

step "pay at the checkout; Stripe delivers the signed webhook twice"
statuses="$("${CURL[@]}" -f -H 'content-type: application/json' -d '{"repeat":2}' "$stand_in/_stand-in/sessions/$checkout_session/pay" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);const list=Array.isArray(j)?j:j.deliveries;process.stdout.write(list.map(d=>d.status).join(","))})')" || fail "the stand-in could not pay"
[[ "$statuses" == "200,200" ]] || fail "webhook answers '$statuses', expected 200,200"
ok

step "the balance was credited once"
balances="$("${CURL[@]}" -b "$JAR" "$BASE/me" | json balances)"
[[ "$balances" == "[{\"currency\":\"USD\",\"amount_cents\":\"$AMOUNT\"}]" ]] || fail "balances are $balances, expected $AMOUNT USD once"
ok "$balances"

step "the top-up shows paid (return page and admin list)"
returned="$("${CURL[@]}" -b "$JAR" "$BASE/payment/return?top_up=$top_up_id" | json top_up.status)"
listed="$("${CURL[@]}" -H "authorization: Bearer $ADMIN_TOKEN" "$BASE/admin/list-top-ups?user_id=$user_id" | json items.0.status)"
[[ "$returned" == "paid" && "$listed" == "paid" ]] || fail "return says '$returned', admin list says '$listed'"
ok

echo "GREEN: smoke_kyc passed all $STEPS steps against $BASE"
