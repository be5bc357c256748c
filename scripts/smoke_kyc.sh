#!/usr/bin/env bash
# Smoke test of the KYC path against a running dev-mode server (ONBOARDING_DEV_MODE and IDENFY_DEV_MODE,
# the defaults of `npm start`): sign in -> /kyc/start persists a session -> the iDenfy simulator delivers
# an HMAC-signed callback -> the user is completed -> the admin list is gated.
# Usage: scripts/smoke_kyc.sh [base-url]   (default http://localhost:8080). Needs curl and node.
set -euo pipefail
BASE="${1:-${BASE_URL:-http://localhost:8080}}"
EMAIL="smoke-$(date +%s%N)@example.com"
JAR="$(mktemp)"
trap 'rm -f "$JAR"' EXIT

json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=process.argv[1].split(".").reduce((o,k)=>o?.[k],JSON.parse(s));process.stdout.write(v===undefined||v===null?"":String(v))})' "$1"; }
step() { printf '%s ... ' "$*"; }
ok() { printf 'ok%s\n' "${1:+ ($1)}"; }
fail() { printf 'FAILED: %s\n' "$*"; exit 1; }

step "1/5 health"
[[ "$(curl -fsS "$BASE/healthz" | json ok)" == "true" ]] || fail "/healthz"
ok

step "2/5 sign in"
code="$(curl -fsS -c "$JAR" -H 'content-type: application/json' -d "{\"email\":\"$EMAIL\"}" "$BASE/login/challenge" | json dev_code)"
[[ -n "$code" ]] || fail "no dev_code: is the server in dev mode (ONBOARDING_DEV_MODE=true)?"
curl -fsS -c "$JAR" -b "$JAR" -H 'content-type: application/json' -d "{\"email\":\"$EMAIL\",\"code\":\"$code\"}" "$BASE/login/verify" >/dev/null
ok

step "3/5 /kyc/start persists a session and redirects to iDenfy"
location="$(curl -sS -b "$JAR" -o /dev/null -w '%{redirect_url}' "$BASE/kyc/start")"
[[ "$location" == *"/api/v2/redirect?authToken="* ]] || fail "no verification redirect (got '$location')"
session_id="$(curl -fsS -b "$JAR" "$BASE/kyc/status" | json kyc.session_id)"
[[ -n "$session_id" ]] || fail "no KycSession"
ok "session $session_id"

step "4/5 the simulator delivers a signed APPROVED callback"
sim="${location%%/api/v2/redirect*}"
token="${location##*authToken=}"
scan_ref="$(curl -fsS "$sim/sim/sessions" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const t=decodeURIComponent(process.argv[1]);const all=JSON.parse(s);const list=Array.isArray(all)?all:all.sessions;process.stdout.write(list.find(x=>x.authToken===t)?.scanRef??"")})' "$token")"
[[ -n "$scan_ref" ]] || fail "the simulator does not know the token"
curl -fsS -H 'content-type: application/json' -d '{"overall":"APPROVED","final":true}' "$sim/sim/sessions/$scan_ref/complete" >/dev/null
status="$(curl -fsS -b "$JAR" "$BASE/kyc/status" | json kyc.status)"
[[ "$status" == "completed" ]] || fail "KYC status is '$status', expected completed"
ok

step "5/5 admin lists are gated"
anon="$(curl -sS -o /dev/null -w '%{http_code}' "$BASE/admin/list-kyc-sessions")"
user="$(curl -sS -b "$JAR" -o /dev/null -w '%{http_code}' "$BASE/admin/list-kyc-sessions")"
[[ "$anon" == "401" && "$user" == "403" ]] || fail "admin gate: anonymous $anon, user $user (expected 401, 403)"
ok
echo "smoke_kyc: all 5 steps passed against $BASE"
