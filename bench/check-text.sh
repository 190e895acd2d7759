#!/bin/sh
# check-text over all of ../shared/context/ (about 220 KB of Dutch prose):
# one process, every readability check, JSON out. Best of three runs.
set -eu
cd "$(dirname "$0")/.."
B=${BEELDBRIEF:-./beeldbrief}
ls ../shared/context/* >/dev/null 2>&1 || { echo "check-text: no ../shared/context; skipped"; exit 0; }
T=$(mktemp)
trap 'rm -f "$T"' EXIT
cat ../shared/context/* >"$T"
best=""
for i in 1 2 3; do
  s=$(date +%s.%N)
  "$B" check-text --format json "$T" >/dev/null || true
  e=$(date +%s.%N)
  t=$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", e - s }')
  if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
done
kb=$(( $(wc -c <"$T") / 1024 ))
awk -v t="$best" -v kb="$kb" 'BEGIN { printf "check-text: %d KB of Dutch in %.3f s (%.0f KB/s), one process, all checks\n", kb, t, kb / t }'
