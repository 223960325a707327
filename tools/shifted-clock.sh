#!/usr/bin/env bash
# Runs the domain and API tests with the whole process tree on a shifted clock (Debian's faketime):
# jest, the application and the embedded PostgreSQL all see the same shifted "now".
#   bash tools/shifted-clock.sh                 every shift: +200d, +400d and the next daylight-saving week
#   bash tools/shifted-clock.sh +400d dst       only these (a shift is +Nd, or dst)
#   bash tools/shifted-clock.sh ci              one shift, chosen by the day of the year (what .ci/run does)
# "dst" moves the clock to the next day on which Europe/Stockholm changes between summer and winter time
# (the last Sunday of March or October), at least a week from today.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=node24.sh
source tools/node24.sh

lib=""
for candidate in /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1 /usr/local/lib/faketime/libfaketime.so.1; do
  if [ -e "$candidate" ]; then lib="$candidate"; break; fi
done
if [ -z "$lib" ]; then
  echo "libfaketime is missing: apt-get install faketime" >&2
  exit 2
fi

# Days from today to the next change of summer/winter time in Stockholm, at least 7 days ahead.
dst_days() {
  node -e '
    const day = 86400000, today = new Date(), start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
    const lastSunday = (y, m) => { const d = new Date(Date.UTC(y, m + 1, 0)); return d.getTime() - d.getUTCDay() * day; };
    const changes = [0, 1, 2].flatMap((k) => [lastSunday(today.getUTCFullYear() + k, 2), lastSunday(today.getUTCFullYear() + k, 9)]).sort((a, b) => a - b);
    console.log(Math.round((changes.find((t) => t - start >= 7 * day) - start) / day));'
}

shifts=("$@")
if [ ${#shifts[@]} -eq 0 ]; then shifts=(+200d +400d dst); fi
if [ "${shifts[0]}" = "ci" ]; then
  all=(+200d +400d dst)
  shifts=("${all[$((10#$(date +%j) % 3))]}")
fi

status=0
for shift in "${shifts[@]}"; do
  offset="$shift"
  if [ "$shift" = "dst" ]; then offset="+$(dst_days)d"; fi
  if ! [[ "$offset" =~ ^\+[0-9]+d$ ]]; then echo "Not a shift: $shift (use +Nd or dst)" >&2; exit 2; fi
  echo "== Domain and API tests with the clock at $shift ($offset): $(FAKETIME="$offset" LD_PRELOAD="$lib" date -u '+%Y-%m-%d %H:%M UTC') =="
  # The monotonic clock stays real: timers and timeouts keep their length.
  if ! FAKETIME="$offset" FAKETIME_DONT_FAKE_MONOTONIC=1 LD_PRELOAD="$lib" \
       npx jest -c libs/domain/jest.config.cjs --ci \
    || ! FAKETIME="$offset" FAKETIME_DONT_FAKE_MONOTONIC=1 LD_PRELOAD="$lib" \
       npx jest -c apps/api/jest.config.cjs --ci; then
    echo "FAILED with the clock at $shift ($offset)" >&2
    status=1
  fi
done
exit "$status"
