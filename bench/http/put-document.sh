#!/usr/bin/env bash
# Load test of saving the draft's Word document back: PUT /api/drafts/{id}/document from CLIENTS concurrent
# clients (default 16), each saving its own draft with the ETag its previous PUT returned.
#
# Builds the API in Release, starts it on a free loopback port with a throwaway data folder (embedded default:
# SQLite, local development sign-in, sample data), creates one draft per client, downloads each draft's document,
# runs a warm-up and then the measured run with wrk (bench/http/put-document.lua), prints the figures and stops
# the API. Needs the README's prerequisites plus curl and wrk (Debian: apt-get install -y wrk).
#
# Settings (environment): CLIENTS=16, THINK_MS=0 (each client's wait between saves; 0 = back to back, a saturation
# test), WARMUP=10s, DURATION=30s, WORK_DIR=<kept folder; default a temporary one,
# removed at the end>, NO_BUILD=1 to use the existing Release build.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
clients=${CLIENTS:-16}
warmup=${WARMUP:-10s}
duration=${DURATION:-30s}
think_ms=${THINK_MS:-0}

fail() {
  echo "put-document: $*" >&2
  exit 1
}

for tool in dotnet curl; do
  command -v "$tool" >/dev/null || fail "$tool is not installed."
done
command -v wrk >/dev/null || fail "wrk is not installed (Debian: apt-get install -y wrk)."
[[ $clients =~ ^[1-9][0-9]*$ ]] || fail "CLIENTS must be a positive number, not '$clients'."

if [[ -n ${WORK_DIR:-} ]]; then
  work=$WORK_DIR
  mkdir -p "$work"
  keep=1
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/put-document.XXXXXX")
  keep=0
fi
rm -rf "$work/data" "$work/docs"
mkdir -p "$work/data" "$work/docs"
log=$work/api.log
api_pid=

stop_api() {
  if [[ -n $api_pid ]] && kill -0 "$api_pid" 2>/dev/null; then
    kill "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  api_pid=
}

finish() {
  local status=$?
  stop_api
  if [[ $status -ne 0 && -s $log ]]; then
    echo "put-document: the API's log ends with:" >&2
    tail -n 30 "$log" >&2
  fi
  if [[ $keep -eq 0 ]]; then
    rm -rf "$work"
  fi
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), dotnet $(dotnet --version), $(wrk -v 2>&1 | head -n1 | cut -d' ' -f1-2)"
echo "== load before: $(uptime)"

out=$root/artifacts/bin/ResponseDrafter.Api/release
if [[ ${NO_BUILD:-0} != 1 ]]; then
  echo "== building the API (Release)"
  dotnet build "$root/src/ResponseDrafter.Api" -c Release -nologo -v q >"$work/build.log" 2>&1 \
    || { tail -n 30 "$work/build.log" >&2; fail "the Release build failed (log above)."; }
fi
[[ -f $out/ResponseDrafter.Api.dll ]] || fail "no Release build at $out (run without NO_BUILD=1)."

# Port 0: Kestrel picks a free port and logs it, so there is no race for a port chosen here.
echo "== starting the API (data in $work/data)"
ASPNETCORE_ENVIRONMENT=Development dotnet "$out/ResponseDrafter.Api.dll" \
  --contentRoot "$out" \
  --urls http://127.0.0.1:0 \
  --AzureAd:ClientId= \
  --Storage:DataPath="$work/data" \
  --Sample:Load=true \
  --RateLimiting:Uploads:PermitLimit=1000000 \
  >"$log" 2>&1 &
api_pid=$!

base=
for _ in $(seq 1 240); do
  kill -0 "$api_pid" 2>/dev/null || fail "the API stopped during start-up."
  base=$(grep -o 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$log" | head -n1 | sed 's/^Now listening on: //' || true)
  [[ -n $base ]] && break
  sleep 0.25
done
[[ -n $base ]] || fail "the API did not report its address within 60 s."

ready=0
for _ in $(seq 1 240); do
  kill -0 "$api_pid" 2>/dev/null || fail "the API stopped during start-up."
  if curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null; then
    ready=1
    break
  fi
  sleep 0.25
done
[[ $ready -eq 1 ]] || fail "$base/health/ready did not answer 200 within 60 s."
echo "== API ready at $base"

json='Content-Type: application/json'
docx='Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document'

# The value of a header in a file written by curl -D.
header_of() {
  grep -i "^$1:" "$2" | head -n1 | cut -d: -f2- | tr -d '\r' | sed 's/^ *//'
}

token=$(curl -fsS -X POST "$base/dev/sign-in" -H "$json" -d '{"user":"drafter"}' \
  | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p') || true
[[ -n $token ]] || fail "local development sign-in as 'drafter' returned no accessToken."
auth="Authorization: Bearer $token"

report=$(curl -fsS "$base/api/reports" -H "$auth" | grep -o '"id":"[0-9a-f-]*"' | head -n1 | cut -d'"' -f4) || true
[[ -n $report ]] || fail "GET /api/reports listed no report (is the sample loaded?)."

list=$work/drafts.txt
: >"$list"
for i in $(seq 1 "$clients"); do
  headers=$work/headers.txt
  status=$(curl -sS -o "$work/body.txt" -D "$headers" -w '%{http_code}' -X POST "$base/api/drafts" -H "$auth" -H "$json" \
    -d "{\"reportId\":\"$report\"}")
  [[ $status == 201 ]] || fail "POST /api/drafts answered $status: $(head -c 500 "$work/body.txt")"
  id=$(header_of Location "$headers" | sed 's|.*/||')
  [[ -n $id ]] || fail "POST /api/drafts answered 201 without a Location."

  doc=$work/docs/$id.docx
  status=$(curl -sS -o "$doc" -D "$headers" -w '%{http_code}' "$base/api/drafts/$id/document" -H "$auth")
  [[ $status == 200 ]] || fail "GET /api/drafts/$id/document answered $status."
  etag=$(header_of ETag "$headers")
  [[ -n $etag ]] || fail "GET /api/drafts/$id/document answered without an ETag."

  # One PUT by curl first: a refusal here is clearer than a wrk run full of them.
  status=$(curl -sS -o "$work/body.txt" -D "$headers" -w '%{http_code}' -X PUT "$base/api/drafts/$id/document" \
    -H "$auth" -H "If-Match: $etag" -H "$docx" --data-binary "@$doc")
  [[ $status == 200 ]] || fail "PUT /api/drafts/$id/document (If-Match $etag) answered $status: $(head -c 500 "$work/body.txt")"
  etag=$(header_of ETag "$headers")
  echo "$id $etag $doc" >>"$list"
done
echo "== $clients drafts of report $report, document $(stat -c %s "$doc") bytes each"

# The latest ETag of every draft, after a run has moved them on.
refresh_etags() {
  local refreshed=$work/drafts.next
  : >"$refreshed"
  while read -r id _ doc; do
    curl -fsS -o /dev/null -D "$work/headers.txt" "$base/api/drafts/$id" -H "$auth" || fail "GET /api/drafts/$id failed."
    echo "$id $(header_of ETag "$work/headers.txt") $doc" >>"$refreshed"
  done <"$list"
  mv "$refreshed" "$list"
}

export PUT_DOCUMENT_TOKEN=$token PUT_DOCUMENT_LIST=$list PUT_DOCUMENT_THINK_MS=$think_ms
run_wrk() {
  wrk -t"$clients" -c"$clients" --timeout 30s "$@" -s "$here/put-document.lua" "$base"
}

echo "== warm-up: wrk -t$clients -c$clients -d$warmup"
run_wrk -d"$warmup" >"$work/warmup.txt" 2>&1 || { cat "$work/warmup.txt" >&2; fail "the warm-up run failed."; }
grep -E '^(requests|latency|non-200)' "$work/warmup.txt" | sed 's/^/   /' || true
refresh_etags

echo "== measured: wrk -t$clients -c$clients -d$duration --latency (each client waits ${think_ms} ms between saves)"
run_wrk -d"$duration" --latency 2>&1 | tee "$work/measured.txt"
echo "== load after: $(uptime)"

grep -q '^non-200 responses: 0$' "$work/measured.txt" || fail "some PUTs were not answered 200 (see above)."
