#!/usr/bin/env bash
# Start-up benchmark: seconds from `./newsflow run --once` to the first enriched record printed,
# with the jar already built (warm) and, with --cold, after `mvn clean` (the launcher builds first).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mode=warm
if [ "${1:-}" = "--cold" ]; then mode=cold; mvn -q -B clean >/dev/null; fi
data=$(mktemp -d)
start=$(date +%s.%N)
first=""
while IFS= read -r line; do
  if [ -z "$first" ] && [[ "$line" == ARTICLE* ]]; then
    first=$(date +%s.%N)
  fi
done < <(./newsflow run --once --data-dir "$data" --set web.port=0 --set metrics.port=0 --set sample.site.port=0 2>/dev/null)
end=$(date +%s.%N)
printf '{"mode":"%s","seconds_to_first_enriched":%.1f,"seconds_to_exit":%.1f}\n' \
  "$mode" "$(awk "BEGIN{print $first - $start}")" "$(awk "BEGIN{print $end - $start}")"
rm -rf "$data"
