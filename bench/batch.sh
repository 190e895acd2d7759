#!/bin/sh
# beeldbrief batch on the example mailing (examples/mailing) grown to
# 1,000 and 10,000 records: letters per second (two-page letters, every
# check on, all cores) and peak memory, to see that memory does not grow
# with the number of records. Needs GNU time (/usr/bin/time).
set -eu
cd "$(dirname "$0")/.."
B=${BEELDBRIEF:-./beeldbrief}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
CSV=examples/mailing/ontvangers.csv
for n in 1000 10000; do
  { head -1 "$CSV"
    k=0
    while [ $((k * 60)) -lt "$n" ]; do
      k=$((k + 1))
      tail -n +2 "$CSV" | sed "s/^W/R$k-/"
    done | head -n "$n"; } >"$T/data-$n.csv"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M %e' -o "$T/time" "$B" batch examples/mailing/brief.yaml \
      --data "$T/data-$n.csv" -o "$T/out-$n" -q 2>/dev/null
    read -r kb secs <"$T/time"
  else
    s=$(date +%s.%N)
    "$B" batch examples/mailing/brief.yaml --data "$T/data-$n.csv" -o "$T/out-$n" -q 2>/dev/null
    e=$(date +%s.%N)
    kb=0
    secs=$(awk -v s="$s" -v e="$e" 'BEGIN { print e - s }')
  fi
  pages=$(tail -n +2 "$T/out-$n/manifest.csv" | awk -F, '{ p += $4 } END { print p }')
  awk -v n="$n" -v t="$secs" -v kb="$kb" -v p="$pages" -v c="$(nproc)" 'BEGIN {
    printf "batch: %5d letters (%d pages) in %6.1f s = %4.0f letters/s on %d cores; peak memory %.0f MB\n",
      n, p, t, n / t, c, kb / 1024 }'
  rm -rf "$T/out-$n"
done
