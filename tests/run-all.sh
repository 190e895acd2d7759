#!/bin/sh
# Runs every test suite and sums their results. Each suite prints, as its
# last line, "N passed, N failed" and exits non-zero when something failed.
#   BEELDBRIEF  the binary under test (default ./beeldbrief)
#   UNIT        the unit-test binary (default build/unit-tests)
set -u
cd "$(dirname "$0")/.."
BEELDBRIEF=${BEELDBRIEF:-$PWD/beeldbrief}
UNIT=${UNIT:-$PWD/build/unit-tests}
BEELDBRIEF_DATA=$PWD
export BEELDBRIEF UNIT BEELDBRIEF_DATA

total_pass=0
total_fail=0
status=0
run_suite() {
  name=$1; shift
  echo "== $name"
  out=$("$@" 2>&1); rc=$?
  printf '%s\n' "$out" | grep -v '^ok ' | sed 's/^/   /'
  last=$(printf '%s\n' "$out" | tail -n 1)
  p=$(printf '%s\n' "$last" | sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1/p')
  f=$(printf '%s\n' "$last" | sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\2/p')
  if [ -z "$p" ]; then
    echo "   suite '$name' did not print a summary line (exit $rc)"
    p=0; f=1
  fi
  [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
  total_pass=$((total_pass + p))
  total_fail=$((total_fail + f))
  [ "$f" -ne 0 ] && status=1
}

run_suite unit "$UNIT"
for s in tests/*/run.sh; do
  run_suite "$(basename "$(dirname "$s")")" sh "$s"
done
echo
echo "$total_pass passed, $total_fail failed"
exit $status
