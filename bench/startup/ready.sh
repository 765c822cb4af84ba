#!/usr/bin/env bash
# One start of the published API: from exec to /health/ready answering 200, then the process's resident memory
# (VmRSS) after it has sat idle for IDLE_SECONDS. Prints "ready_ms=… idle_rss_mb=…" and stops the process.
# Usage: bench/startup/ready.sh <publish folder> [data folder]   (see docs/performance.md; hyperfine runs it)
set -euo pipefail
app="$(cd "$1" && pwd)"; data="${2:-$(mktemp -d)}"
cd "$app"   # the content root: appsettings*.json are read from here
port="${PORT:-$((20000 + RANDOM % 20000))}"
idle="${IDLE_SECONDS:-0}"
start=$(date +%s%N)
ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
  dotnet "$app/ResponseDrafter.Api.dll" --urls "http://127.0.0.1:$port" --Storage:DataPath="$data" \
  --Logging:LogLevel:Default=Warning >"$data/startup.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; do
  kill -0 "$pid" 2>/dev/null || { echo "the API stopped before it was ready:"; cat "$data/startup.log"; exit 1; }
  sleep 0.01
done
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
if [ "$idle" -gt 0 ]; then
  sleep "$idle"
  rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
  echo "ready_ms=$ready_ms idle_rss_mb=$((rss_kb / 1024))"
else
  echo "ready_ms=$ready_ms"
fi
