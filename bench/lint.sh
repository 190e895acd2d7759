#!/bin/sh
# beeldbrief lint over 200 letter templates in one folder (the examples,
# copied), as a CI pipeline runs it: every check, the letters compared with
# each other. One process; best of three runs.
set -eu
cd "$(dirname "$0")/.."
B=${BEELDBRIEF:-./beeldbrief}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0
while [ "$n" -lt 200 ]; do
  for f in examples/*.yaml; do
    [ "$n" -lt 200 ] || break
    n=$((n + 1))
    cp "$f" "$T/$n-$(basename "$f")"
  done
done
# Best of three runs of "$@" on the folder; prints the seconds.
best_of_three() {
  best=""
  for i in 1 2 3; do
    s=$(date +%s.%N)
    "$B" lint "$@" "$T" >/dev/null 2>&1 || true
    e=$(date +%s.%N)
    t=$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", e - s }')
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}
t=$(best_of_three)
awk -v t="$t" -v n="$n" 'BEGIN { printf "lint: %d templates in %.3f s (%.1f ms each, start-up included), one process, all checks\n", n, t, 1000 * t / n }'
t=$(best_of_three --format sarif)
awk -v t="$t" -v n="$n" 'BEGIN { printf "lint --format sarif: %d templates in %.3f s\n", n, t }'
t=$(best_of_three --format junit)
awk -v t="$t" -v n="$n" 'BEGIN { printf "lint --format junit: %d templates in %.3f s\n", n, t }'
t=$(best_of_three --fix --dry-run)
awk -v t="$t" -v n="$n" 'BEGIN { printf "lint --fix --dry-run: %d templates in %.3f s (one pass, every use of a notation checked)\n", n, t }'
