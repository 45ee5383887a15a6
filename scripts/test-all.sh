#!/usr/bin/env bash
# `npm test`: every test — unit (Vitest), then API, SDK and UI (Playwright) against the freshly
# built app on a throw-away SQLite database. Set TEST_DATABASE_URL=postgres://… to run the
# end-to-end part on PostgreSQL instead (see `npm run test:pg`).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 TZ=UTC

if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  echo "The UI tests need Chromium: apt-get install -y chromium (or set CHROMIUM_PATH)." >&2
  exit 1
fi

node scripts/generate.mjs --check
echo "== lint"
npx eslint . --quiet
echo "== typecheck"
npx next typegen > /dev/null
npx tsc --noEmit
echo "== build"
npm run -s build > /tmp/sweetdate-build.log 2>&1 || { cat /tmp/sweetdate-build.log; exit 1; }
echo "== unit tests"
npx vitest run
echo "== API, SDK and UI tests (${TEST_DATABASE_URL:+PostgreSQL}${TEST_DATABASE_URL:-SQLite})"
npx playwright test "$@"
