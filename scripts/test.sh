#!/usr/bin/env bash
# Runs every test, installing what the tests need first (LibreOffice for the rendering proof, poppler-utils and
# qpdf to read the PDFs' text and structure tree, PostgreSQL for the persistence tests, Chromium for the browser tests).
# Ends with one line "N passed, M failed" counted from the TRX results.
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-liberation >/dev/null \
    || { echo "could not install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

results="TestResults"
rm -rf "$results"

dotnet build ResponseDrafter.sln -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

# The pane's modules type-checked against @types/office-js (the build's npm ci installed tsc); counted as one test.
typecheck_passed=1; typecheck_failed=0
if ! src/ResponseDrafter.Api/ClientApp/node_modules/.bin/tsc -p src/ResponseDrafter.Api/ClientApp/tsconfig.json; then
  echo "The type check of src/ResponseDrafter.Api/wwwroot/js failed (errors above)."
  typecheck_passed=0; typecheck_failed=1
fi

dotnet test --solution ResponseDrafter.sln --no-build --report-trx --results-directory "$results" "$@"
status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters"); t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
passed=$((passed + typecheck_passed)); failed=$((failed + typecheck_failed))
[ "$typecheck_failed" -eq 0 ] || [ "$status" -ne 0 ] || status=1
echo "$passed passed, $failed failed"
exit "$status"
